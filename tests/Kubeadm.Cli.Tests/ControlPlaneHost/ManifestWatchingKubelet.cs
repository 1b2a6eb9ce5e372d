using System.Text;

namespace Kubeadm.Cli.Tests.ControlPlaneHost;

/// <summary>
/// A kubelet that runs beside one `kubeadm init` command, as a real one would: it watches
/// &lt;rootfs&gt;/etc/kubernetes/manifests and starts each static pod (etcd, kube-apiserver, kube-controller-manager,
/// kube-scheduler) as a host process when its manifest appears (<see cref="ProcessKubelet"/> in its manifest-watching
/// mode: same path mapping, loopback binds, free ports and dropped flags), serves the kubelet's healthz on the
/// KubeletConfiguration's healthzPort (<see cref="KubeletHealthzStub"/>), and registers the Node once the control plane
/// is up.
/// <para>
/// kube-scheduler 1.20 serves /healthz but not /livez, which kubeadm 1.34's wait-control-plane probes, so with the test
/// binaries that phase could never succeed. Test only: the scheduler runs on a free port of its own and a
/// <see cref="ManifestWatchingLivezProxy"/> listens on the port the manifest (the test's extraArgs) names, answering
/// /livez from the scheduler's /healthz. A real 1.34 scheduler needs none of this.
/// </para>
/// Everything started is stopped in <see cref="DisposeAsync"/>, also when init failed or the control plane never came up.
/// </summary>
internal sealed class ManifestWatchingKubelet : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task<ProcessKubelet> _running;
    private readonly string _logDir;
    private int _disposed;

    /// <param name="rootfs">The --rootfs `kubeadm init` writes to.</param>
    /// <param name="workDir">Logs and rewritten kubeconfig copies.</param>
    /// <param name="nodeName">nodeRegistration.name.</param>
    /// <param name="kubeletHealthzPort">The KubeletConfiguration's healthzPort.</param>
    /// <param name="schedulerManifestPort">The scheduler's --secure-port in the manifest (set through extraArgs).</param>
    /// <param name="manifestWait">How long to wait for each manifest to appear.</param>
    public ManifestWatchingKubelet(string rootfs, string workDir, string nodeName, int kubeletHealthzPort, int schedulerManifestPort, TimeSpan manifestWait)
    {
        KubeletHealthz = new KubeletHealthzStub(kubeletHealthzPort);
        SchedulerPort = ProcessKubelet.FreePort();
        SchedulerLivezProxy = new ManifestWatchingLivezProxy(schedulerManifestPort, SchedulerPort);
        var options = new ProcessKubeletOptions
        {
            Rootfs = rootfs,
            WorkDir = workDir,
            NodeName = nodeName,
            ManifestWait = manifestWait,
            SecurePorts = new Dictionary<string, int> { ["kube-scheduler"] = SchedulerPort },
        };
        _logDir = Path.Combine(workDir, "logs");
        _running = Task.Run(() => ProcessKubelet.StartAsync(options, _stop.Token));
    }

    public KubeletHealthzStub KubeletHealthz { get; }

    public ManifestWatchingLivezProxy SchedulerLivezProxy { get; }

    /// <summary>Where kube-scheduler itself listens (its manifest's port is the proxy's).</summary>
    public int SchedulerPort { get; }

    /// <summary>The control plane once every component is healthy and the Node is registered; faults if it could not start.</summary>
    public Task<ProcessKubelet> Running => _running;

    /// <summary>The control plane, waiting at most <paramref name="timeout"/> for it.</summary>
    public async Task<ProcessKubelet> ReadyAsync(TimeSpan timeout) => await _running.WaitAsync(timeout);

    /// <summary>The last lines of every component log so far (readable while the control plane is still starting).</summary>
    public string LogTails(int lines = 30)
    {
        var text = new StringBuilder();
        if (!Directory.Exists(_logDir))
        {
            return "(no component started)";
        }

        text.Append(ComponentLogs.Tails(_logDir, lines));
        if (_running.IsFaulted)
        {
            text.Append("----- process kubelet failed: ").AppendLine(_running.Exception?.GetBaseException().Message);
        }

        return text.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        // A start still in progress sees the cancellation and kills what it started (ProcessKubelet.StartAsync disposes
        // itself on failure); a finished one is disposed here.
        await _stop.CancelAsync();
        try
        {
            var kubelet = await _running;
            await kubelet.DisposeAsync();
        }
        catch (Exception e) when (e is OperationCanceledException or ControlPlaneStartException)
        {
        }

        await SchedulerLivezProxy.DisposeAsync();
        await KubeletHealthz.DisposeAsync();
        _stop.Dispose();
    }
}
