using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Kubeadm.Cli.Tests.ControlPlaneHost;
using Kubeadm.Cli.Tests.RealEtcd;
using Kubeadm.Cli.Tests.RealNode;

namespace Kubeadm.Cli.Tests.MultiNode;

/// <summary>
/// The kubelet stand-in of one multi-node bed node: what a kubelet does for a kubeadm control plane, with processes
/// instead of containers, all inside the node's namespaces.
/// <list type="bullet">
/// <item>Static pods: every 500 ms it reads /etc/kubernetes/manifests/{etcd,kube-apiserver,kube-controller-manager,
/// kube-scheduler}.yaml; a new or changed manifest (re)starts that component, a removed one stops it (kubeadm reset), a
/// component that exited is started again after 2 s (restartPolicy Always; the mirror Pod shows CrashLoopBackOff
/// meanwhile). The binary is the one of the container's image (<see cref="StaticPodImages"/>: the tag picks the
/// version-stamped build); an image with no binary is an image that cannot be pulled: nothing runs and the pod stays
/// Pending with ImagePullBackOff. Test-only adaptation for the 1.20/3.4 binaries: the etcd 3.6-only flags of
/// <see cref="ProcessKubelet.DroppedFlags"/> dropped, the 1.20 insecure ports switched off, kube-scheduler moved to
/// <see cref="SchedulerPrivatePort"/> behind a /livez front on its manifest port 10259.</item>
/// <item>The kubelet's healthz on 127.0.0.1:10248 in the node.</item>
/// <item>TLS bootstrap when kubeadm join writes bootstrap-kubelet.conf (<see cref="TlsBootstrapStandIn"/>, kubectl in the node).</item>
/// <item>With kubelet.conf, as the node's own identity (system:node:&lt;name&gt;): registers the Node and keeps its
/// status (kubeletVersion <see cref="KubeletVersion"/>, Ready with a heartbeat every 10 s), and posts a mirror Pod per
/// static pod with the kubelet's annotations and a status (<see cref="KubeletApiObjects"/>): a new manifest gives a new
/// config.hash, which is what kubeadm upgrade waits for.</item>
/// </list>
/// <see cref="DisposeAsync"/> stops the loop and kills every component by pid.
/// </summary>
internal sealed class NodeKubelet : IAsyncDisposable
{
    public const int SchedulerPrivatePort = 10269;
    private const int KubeletHealthzPort = 10248;
    private const int SchedulerManifestPort = 10259;
    private static readonly string[] StaticPods = ["etcd", "kube-apiserver", "kube-controller-manager", "kube-scheduler"];
    private static readonly TimeSpan RestartDelay = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan NodeHeartbeat = TimeSpan.FromSeconds(10);

    private readonly NodeNamespace _node;
    private readonly string _nodeName;
    private readonly string _workDir;
    private readonly NetworkNamespaceSockets _network;
    private readonly KubeletHealthzStub _healthz;
    private ManifestWatchingLivezProxy? _schedulerFront;
    private readonly string _address;
    private readonly Dictionary<string, StaticPod> _running = [];
    private readonly Dictionary<string, string> _mirroredHash = [];
    private readonly Dictionary<string, string> _postedStatus = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly object _gate = new();
    private TlsBootstrapStandIn? _bootstrap;
    private string? _nodeUid;
    private string? _postedKubeletVersion;
    private DateTime _nodeHeartbeat;
    private DateTime _readySince;
    private int _disposed;

    /// <param name="node">The node's namespaces.</param>
    /// <param name="nodeName">Its node name.</param>
    /// <param name="workDir">Logs and the TLS bootstrap's scratch files (on the machine, visible in the node).</param>
    /// <param name="network">Sockets inside the node (owned by the caller).</param>
    /// <param name="kubeletVersion">The version the Node reports as its kubelet's (<see cref="KubeletVersion"/>).</param>
    public NodeKubelet(NodeNamespace node, string nodeName, string workDir, NetworkNamespaceSockets network, string kubeletVersion)
    {
        _node = node;
        _nodeName = nodeName;
        _address = node.Address;
        KubeletVersion = kubeletVersion;
        _workDir = Directory.CreateDirectory(workDir).FullName;
        LogDir = Directory.CreateDirectory(Path.Combine(workDir, "logs")).FullName;
        _network = network;
        _healthz = new KubeletHealthzStub(KubeletHealthzPort, _network);
        _loop = Task.Run(() => LoopAsync(_stop.Token));
    }

    public string LogDir { get; }

    /// <summary>
    /// The kubelet version the Node reports (status.nodeInfo.kubeletVersion), e.g. "v1.33.5". Settable at any time: the
    /// next round posts it, as a kubelet restarted after its package was upgraded would.
    /// </summary>
    public string KubeletVersion { get; set; }

    /// <summary>Pids of the static pod processes running now, by component.</summary>
    public IReadOnlyDictionary<string, int> Running
    {
        get
        {
            lock (_gate)
            {
                return _running.Where(p => p.Value.IsRunning).ToDictionary(p => p.Key, p => p.Value.Process!.Id);
            }
        }
    }

    /// <summary>The binary each running static pod process runs, by component (the image's build, <see cref="StaticPodImages"/>).</summary>
    public IReadOnlyDictionary<string, string> RunningBinaries
    {
        get
        {
            lock (_gate)
            {
                return _running.Where(p => p.Value.IsRunning).ToDictionary(p => p.Key, p => p.Value.Binary!);
            }
        }
    }

    /// <summary>The last lines of every component log.</summary>
    public string LogTails(int lines = 25)
    {
        var text = new StringBuilder();
        text.Append(ComponentLogs.Tails(LogDir, lines, _nodeName + ": "));
        if (_bootstrap?.Completed is { IsFaulted: true } failed)
        {
            text.Append("----- TLS bootstrap failed: ").AppendLine(failed.Exception?.GetBaseException().Message);
        }

        return text.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stop.CancelAsync();
        try
        {
            await _loop.WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (Exception e) when (e is OperationCanceledException or TimeoutException)
        {
        }

        lock (_gate)
        {
            foreach (var pod in _running.Values)
            {
                pod.Kill();
            }

            _running.Clear();
        }

        if (_bootstrap is not null)
        {
            await _bootstrap.DisposeAsync();
        }

        if (_schedulerFront is not null)
        {
            await _schedulerFront.DisposeAsync();
        }
        await _healthz.DisposeAsync();
        _stop.Dispose();
    }

    private async Task LoopAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                SyncStaticPods();
                StartTlsBootstrapWhenAsked();
                await SyncApiObjectsAsync();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Files mid-write or the API server not up yet: the next round sees it again (and the log says what happened).
                Log($"sync round failed: {e.GetType().Name}: {e.Message}".ReplaceLineEndings(" "));
            }

            try
            {
                await Task.Delay(500, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private string NodeFile(string path) => _node.HostPath(path);

    private void SyncStaticPods()
    {
        foreach (var name in StaticPods)
        {
            var nodePath = $"/etc/kubernetes/manifests/{name}.yaml";
            var path = NodeFile(nodePath);
            var manifest = File.Exists(path) ? File.ReadAllText(path) : null;
            lock (_gate)
            {
                _running.TryGetValue(name, out var pod);
                if (pod is not null && (pod.Manifest != manifest || _stop.IsCancellationRequested))
                {
                    pod.Kill();
                    _running.Remove(name);
                    pod = null;
                    Log($"{name}: manifest {(manifest is null ? "removed" : "changed")}, stopped");
                }

                // The scheduler's /livez front holds the manifest's port while the scheduler's static pod exists.
                if (name == "kube-scheduler" && manifest is null && _schedulerFront is not null)
                {
                    _schedulerFront.DisposeAsync().AsTask().GetAwaiter().GetResult();
                    _schedulerFront = null;
                }

                if (manifest is null || TryCommand(manifest) is not { } command)
                {
                    continue; // removed, or not completely written yet
                }

                if (pod is null)
                {
                    var image = KubeletApiObjects.ImageOf(manifest);
                    pod = new StaticPod(manifest, KubeletApiObjects.StaticPodHash(_nodeName, nodePath, manifest), image, command);
                    _running[name] = pod;
                    Log($"{name}: static pod {pod.Hash}, image {image}");
                }

                if (pod.Process is { HasExited: true } exited)
                {
                    if (DateTime.UtcNow - pod.ExitSeenAt(DateTime.UtcNow) < RestartDelay)
                    {
                        continue;
                    }

                    pod.Exited(exited.ExitCode);
                }

                if (pod.Process is not null)
                {
                    continue;
                }

                // As the kubelet's runtime would pull the image: a tag with no build behind it cannot be pulled.
                var binary = StaticPodImages.BinaryFor(pod.Image, command[0]);
                if (binary is null)
                {
                    if (!pod.PullFailed)
                    {
                        Log($"{name}: image {pod.Image} has no binary here (cannot be pulled): ImagePullBackOff");
                        pod.PullFailed = true;
                    }

                    continue;
                }

                if (name == "kube-scheduler")
                {
                    _schedulerFront ??= new ManifestWatchingLivezProxy(SchedulerManifestPort, SchedulerPrivatePort, _network);
                }

                pod.Started(Launch(name, binary, command), binary);
                Log($"{name}: started {binary}, pid {pod.Process!.Id}");
            }
        }
    }

    private static List<string>? TryCommand(string manifest)
    {
        try
        {
            var pod = JsonNode.Parse(ManifestJson.FromYaml(manifest))!;
            var container = pod["spec"]!["containers"]![0]!;
            return [.. (container["command"]?.AsArray() ?? []).Select(c => (string)c!), .. (container["args"]?.AsArray() ?? []).Select(c => (string)c!)];
        }
        catch (Exception e) when (e is YamlDotNet.Core.YamlException or NullReferenceException or InvalidOperationException or System.Text.Json.JsonException)
        {
            return null; // not completely written yet
        }
    }

    private Process Launch(string name, string binary, List<string> command)
    {
        var arguments = Adapt(name, command.Skip(1));
        var log = Path.Combine(LogDir, name + ".log");
        File.AppendAllText(log, $"# {DateTime.UtcNow:O} {binary} {string.Join(' ', arguments)}\n");
        var start = _node.LoggedCommand([binary, .. arguments], log, new Dictionary<string, string> { ["PATH"] = "/usr/sbin:/usr/bin:/sbin:/bin" });
        return Process.Start(start) ?? throw new InvalidOperationException($"{name} did not start");
    }

    /// <summary>The manifest's flags as the 1.20 / etcd 3.4 test binaries take them (test only, the manifest is untouched).</summary>
    private static List<string> Adapt(string component, IEnumerable<string> flags)
    {
        var dropped = ProcessKubelet.DroppedFlags.GetValueOrDefault(component, []);
        var kept = flags.Where(f => !dropped.Contains(f.Split('=')[0]));
        return component switch
        {
            "kube-apiserver" => [.. kept, "--insecure-port=0"],
            "kube-controller-manager" => [.. kept, "--port=0"],
            "kube-scheduler" => [.. kept.Where(f => !f.StartsWith("--secure-port=", StringComparison.Ordinal)), $"--secure-port={SchedulerPrivatePort}", "--port=0"],
            _ => [.. kept],
        };
    }

    private void StartTlsBootstrapWhenAsked()
    {
        if (File.Exists(NodeFile("/etc/kubernetes/bootstrap-kubelet.conf")) && !File.Exists(NodeFile("/etc/kubernetes/kubelet.conf"))
            && _bootstrap is not { Completed.IsCompleted: false })
        {
            _bootstrap = new TlsBootstrapStandIn(NodeFile("/"), Path.Combine(_workDir, "bootstrap"), _nodeName, KubectlInNodeAsync);
        }
    }

    private async Task<CommandResult> KubectlInNodeAsync(string kubeconfig, string? stdin, string[] args)
    {
        var run = await NodeCommand.RunAsync(_node.Launcher, K8sTestBinaries.Kubectl, ["--kubeconfig", kubeconfig, "--request-timeout=10s", .. args], TimeSpan.FromSeconds(30), stdin);
        var shown = run.Output.Trim();
        Log($"kubectl {string.Join(' ', args)}: exit {run.ExitCode} {(shown.Length > 200 ? shown[..200] + "…" : shown)} {run.Error.Trim()}".ReplaceLineEndings(" "));
        return new CommandResult(run.ExitCode, run.Output, run.Error);
    }

    /// <summary>What the stand-in did, in &lt;LogDir&gt;/kubelet.log.</summary>
    private void Log(string line) => File.AppendAllText(Path.Combine(LogDir, "kubelet.log"), $"{DateTime.UtcNow:HH:mm:ss.fff} {line}\n");

    /// <summary>As the kubelet, with kubelet.conf: the Node, then a mirror Pod per running static pod (re-posted when its manifest changed).</summary>
    private async Task SyncApiObjectsAsync()
    {
        const string kubeconfig = "/etc/kubernetes/kubelet.conf";
        if (!File.Exists(NodeFile(kubeconfig)))
        {
            _nodeUid = null;
            return;
        }

        if (_nodeUid is null)
        {
            var node = new JsonObject
            {
                ["apiVersion"] = "v1",
                ["kind"] = "Node",
                ["metadata"] = new JsonObject
                {
                    ["name"] = _nodeName,
                    ["labels"] = new JsonObject { ["kubernetes.io/hostname"] = _nodeName, ["kubernetes.io/os"] = "linux", ["kubernetes.io/arch"] = "amd64" },
                },
            };
            var created = await KubectlInNodeAsync(kubeconfig, node.ToJsonString(), ["create", "-f", "-"]);
            if (created.ExitCode != 0 && !created.Error.Contains("AlreadyExists", StringComparison.Ordinal))
            {
                return;
            }

            var uid = await KubectlInNodeAsync(kubeconfig, null, ["get", "node", _nodeName, "-o", "jsonpath={.metadata.uid}"]);
            if (uid.ExitCode != 0 || uid.Output.Trim().Length == 0)
            {
                return;
            }

            _nodeUid = uid.Output.Trim();
        }

        await PostNodeStatusAsync(kubeconfig);
        List<(string Name, StaticPod Pod, StaticPodState State)> pods;
        lock (_gate)
        {
            pods = [.. _running.Select(p => (p.Key, p.Value, p.Value.State()))];
        }

        foreach (var name in _mirroredHash.Keys.Except(pods.Select(p => p.Name)).ToList())
        {
            // The kubelet deletes the mirror Pod of a static pod that is gone (best effort: after reset there is no kubelet.conf).
            if (await DeleteMirrorPodAsync(kubeconfig, name))
            {
                _mirroredHash.Remove(name);
                _postedStatus.Remove(name);
            }
        }

        foreach (var (name, pod, state) in pods)
        {
            if (_mirroredHash.GetValueOrDefault(name) != pod.Hash)
            {
                // As the kubelet replaces a mirror Pod whose hash is stale: deleted with grace period 0, then created anew.
                var mirror = KubeletApiObjects.MirrorPod(name, pod.Manifest, _nodeName, _nodeUid, pod.Hash, pod.Seen);
                if (!await DeleteMirrorPodAsync(kubeconfig, name)
                    || (await KubectlInNodeAsync(kubeconfig, mirror.ToJsonString(), ["create", "--validate=false", "-f", "-"])).ExitCode != 0)
                {
                    continue;
                }

                _mirroredHash[name] = pod.Hash;
                _postedStatus.Remove(name);
            }

            var status = KubeletApiObjects.PodStatusPatch(name, state, _address);
            if (_postedStatus.GetValueOrDefault(name) == status)
            {
                continue;
            }

            if (await ReplaceStatusAsync(kubeconfig, ["pod", "-n", "kube-system", $"{name}-{_nodeName}"], status))
            {
                _postedStatus[name] = status;
            }
        }
    }

    private async Task<bool> DeleteMirrorPodAsync(string kubeconfig, string name) =>
        (await KubectlInNodeAsync(kubeconfig, null, ["delete", "pod", "-n", "kube-system", $"{name}-{_nodeName}", "--ignore-not-found", "--grace-period=0", "--force"])).ExitCode == 0;

    /// <summary>The Node's status as the kubelet keeps it: its version and addresses, Ready, a heartbeat every <see cref="NodeHeartbeat"/>.</summary>
    private async Task PostNodeStatusAsync(string kubeconfig)
    {
        var version = KubeletVersion;
        var now = DateTime.UtcNow;
        if (_postedKubeletVersion == version && now - _nodeHeartbeat < NodeHeartbeat)
        {
            return;
        }

        if (_readySince == default)
        {
            _readySince = now;
        }

        var patch = KubeletApiObjects.NodeStatusPatch(_nodeName, _address, version, _readySince, now);
        if (await ReplaceStatusAsync(kubeconfig, ["node", _nodeName], patch))
        {
            _postedKubeletVersion = version;
            _nodeHeartbeat = now;
        }
    }

    /// <summary>
    /// Reads the object, applies the merge patch <paramref name="statusPatch"/> and replaces its status subresource (with
    /// the read resourceVersion: a concurrent change makes this round fail and the next one retry).
    /// </summary>
    private async Task<bool> ReplaceStatusAsync(string kubeconfig, string[] objectArgs, string statusPatch)
    {
        var current = await KubectlInNodeAsync(kubeconfig, null, ["get", .. objectArgs, "-o", "json"]);
        if (current.ExitCode != 0)
        {
            return false;
        }

        var json = JsonNode.Parse(current.Output)!.AsObject();
        KubeletApiObjects.ApplyMergePatch(json, JsonNode.Parse(statusPatch)!.AsObject());
        var replaced = await KubectlInNodeAsync(kubeconfig, json.ToJsonString(), ["replace", "--subresource=status", "--validate=false", "-f", "-"]);
        return replaced.ExitCode == 0;
    }

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    /// <summary>One static pod the stand-in runs (or cannot run): its manifest, hash, image and current process.</summary>
    private sealed class StaticPod(string manifest, string hash, string? image, List<string> command)
    {
        private DateTime? _exitSeen;

        public string Manifest { get; } = manifest;

        public string Hash { get; } = hash;

        public string? Image { get; } = image;

        public List<string> Command { get; } = command;

        public DateTime Seen { get; } = DateTime.UtcNow;

        public Process? Process { get; private set; }

        public string? Binary { get; private set; }

        public bool PullFailed { get; set; }

        public bool IsRunning => Process is { HasExited: false };

        private DateTime StartedAt { get; set; } = DateTime.UtcNow;

        private int RestartCount { get; set; }

        private int? LastExitCode { get; set; }

        /// <summary>When the loop first saw the process gone (the restart delay counts from there).</summary>
        public DateTime ExitSeenAt(DateTime now) => _exitSeen ??= now;

        public void Started(Process process, string binary)
        {
            if (Binary is not null)
            {
                RestartCount++;
            }

            Process = process;
            Binary = binary;
            StartedAt = DateTime.UtcNow;
            _exitSeen = null;
        }

        public void Exited(int exitCode)
        {
            LastExitCode = exitCode;
            Process = null;
        }

        public void Kill()
        {
            if (Process is { } process)
            {
                NodeKubelet.Kill(process);
            }
        }

        /// <summary>The container's state as the status manager reports it.</summary>
        public StaticPodState State()
        {
            var running = IsRunning;
            StaticPodWaiting? waiting = running ? null
                : Binary is null
                    ? new StaticPodWaiting(PullFailed ? "ImagePullBackOff" : "ContainerCreating", PullFailed ? $"Back-off pulling image \"{Image}\"" : "")
                    : new StaticPodWaiting("CrashLoopBackOff", $"back-off restarting failed container (exit code {LastExitCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"})");
            return new StaticPodState(Image, Binary, running, StartedAt, RestartCount, LastExitCode, waiting);
        }
    }
}
