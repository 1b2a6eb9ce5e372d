using Kubeadm.Cli.Tests.ControlPlaneHost;
using Kubeadm.Cli.Tests.RealNode;

namespace Kubeadm.Cli.Tests.MultiNode;

/// <summary>
/// One node of a <see cref="MultiNodeBed"/>: its name (= hostname), address, namespaces and kubelet stand-in, and the
/// commands a test runs on it (kubeadm, kubectl, etcdctl), each inside the node and bounded in time.
/// </summary>
internal sealed class BedNode(string name, NodeNamespace ns, NetworkNamespaceSockets network, NodeKubelet? kubelet) : IAsyncDisposable
{
    private bool _disposed;

    public string Name { get; } = name;

    public string Address => Namespace.Address;

    public NodeNamespace Namespace { get; } = ns;

    /// <summary>Sockets made inside the node: listen or connect there from the test process (see <see cref="NetworkNamespaceSockets"/>).</summary>
    public NetworkNamespaceSockets Network { get; } = network;

    /// <summary>The kubelet stand-in running the node's static pods; null for a node started without one.</summary>
    public NodeKubelet? Kubelet { get; } = kubelet;

    /// <summary>
    /// The kubeadm under test: the published native AOT binary when there is one (<see cref="PublishedKubeadm"/>, as CI
    /// publishes before testing), else the framework-dependent apphost built next to this test assembly.
    /// </summary>
    public static string KubeadmBinary =>
        File.Exists(PublishedKubeadm.Path) ? PublishedKubeadm.Path : Path.Combine(AppContext.BaseDirectory, "kubeadm");

    /// <summary>A node path as seen from the machine.</summary>
    public string HostPath(string nodePath) => Namespace.HostPath(nodePath);

    public Task<CliRun> RunKubeadmAsync(params string[] args) => RunKubeadmAsync(TimeSpan.FromMinutes(6), args);

    public Task<CliRun> RunKubeadmAsync(TimeSpan timeout, params string[] args) => NodeCommand.RunAsync(Namespace.Launcher, KubeadmBinary, args, timeout);

    /// <summary>kubectl in the node with the given kubeconfig (a node path; default admin.conf), optional --server override.</summary>
    public Task<CliRun> KubectlAsync(params string[] args) =>
        NodeCommand.RunAsync(Namespace.Launcher, K8sTestBinaries.Kubectl, ["--kubeconfig", "/etc/kubernetes/admin.conf", "--request-timeout=20s", .. args], TimeSpan.FromSeconds(60));

    /// <summary>The mirror Pod of this node's static pod <paramref name="component"/> (kube-system/&lt;component&gt;-&lt;node&gt;), or null when it cannot be read.</summary>
    public async Task<System.Text.Json.Nodes.JsonNode?> MirrorPodAsync(string component, params string[] kubectlArgs)
    {
        var get = await KubectlAsync([.. kubectlArgs, "get", "pod", "-n", "kube-system", $"{component}-{Name}", "-o", "json"]);
        return get.ExitCode == 0 ? System.Text.Json.Nodes.JsonNode.Parse(get.Output) : null;
    }

    /// <summary>etcdctl (v3 API) in the node against its own etcd, with the node's healthcheck-client certificate.</summary>
    public Task<CliRun> EtcdctlAsync(params string[] args) =>
        NodeCommand.RunAsync(Namespace.Launcher, "/usr/bin/etcdctl",
        [
            $"--endpoints=https://{Address}:2379", "--cacert=/etc/kubernetes/pki/etcd/ca.crt",
            "--cert=/etc/kubernetes/pki/etcd/healthcheck-client.crt", "--key=/etc/kubernetes/pki/etcd/healthcheck-client.key",
            "--command-timeout=10s", .. args,
        ], TimeSpan.FromSeconds(30));

    public string LogTails(int lines = 25) => Kubelet?.LogTails(lines) ?? $"----- {Name}: no kubelet stand-in\n";

    /// <summary>Kills (SIGKILL, by pid) every kubeadm process running in the node.</summary>
    public void KillKubeadm()
    {
        var binary = Path.GetFullPath(KubeadmBinary);
        foreach (var pid in Namespace.ProcessesInside())
        {
            try
            {
                if (new FileInfo($"/proc/{pid}/exe").LinkTarget == binary)
                {
                    using var process = System.Diagnostics.Process.GetProcessById(pid);
                    process.Kill();
                    process.WaitForExit(5_000);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
            {
                // Gone meanwhile.
            }
        }
    }

    /// <summary>The node dies: its kubelet stand-in stops, every process in its namespaces is killed by pid, its link goes down.</summary>
    public async Task KillAsync()
    {
        if (Kubelet is not null)
        {
            await Kubelet.DisposeAsync();
        }

        await NodeCommand.RunAsync(Namespace.Launcher, "/usr/sbin/ip", ["link", "set", "node0", "down"], TimeSpan.FromSeconds(10));
        foreach (var pid in Namespace.ProcessesInside())
        {
            try
            {
                using var process = System.Diagnostics.Process.GetProcessById(pid);
                process.Kill();
                process.WaitForExit(5_000);
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException)
            {
                // Already gone.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (Kubelet is not null)
        {
            await Kubelet.DisposeAsync();
        }

        Network.Dispose();
        await Namespace.DisposeAsync();
    }
}
