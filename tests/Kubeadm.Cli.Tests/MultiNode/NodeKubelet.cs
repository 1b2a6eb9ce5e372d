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
/// kube-scheduler}.yaml; a new or changed manifest (re)starts that component (the container's command and args, run
/// through the node's nsenter launcher), a removed one stops it (kubeadm reset), a component that exited is started
/// again after 2 s (restartPolicy Always). Test-only adaptation for the 1.20/3.4 binaries: the etcd 3.6-only flags of
/// <see cref="ProcessKubelet.DroppedFlags"/> dropped, the 1.20 insecure ports switched off, kube-scheduler moved to
/// <see cref="SchedulerPrivatePort"/> behind a /livez front on its manifest port 10259.</item>
/// <item>The kubelet's healthz on 127.0.0.1:10248 in the node.</item>
/// <item>TLS bootstrap when kubeadm join writes bootstrap-kubelet.conf (<see cref="TlsBootstrapStandIn"/>, kubectl in the node).</item>
/// <item>With kubelet.conf, as the node's own identity (system:node:&lt;name&gt;): registers the Node and posts a
/// mirror Pod for each running static pod (the etcd and kube-apiserver Pods' annotations are how join and reset find
/// the members and this node's API endpoint).</item>
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

    private readonly NodeNamespace _node;
    private readonly string _nodeName;
    private readonly string _workDir;
    private readonly NetworkNamespaceSockets _network;
    private readonly KubeletHealthzStub _healthz;
    private ManifestWatchingLivezProxy? _schedulerFront;
    private readonly Dictionary<string, RunningPod> _running = [];
    private readonly Dictionary<string, string> _mirrored = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly object _gate = new();
    private TlsBootstrapStandIn? _bootstrap;
    private string? _nodeUid;
    private int _disposed;

    /// <param name="node">The node's namespaces.</param>
    /// <param name="nodeName">Its node name.</param>
    /// <param name="workDir">Logs and the TLS bootstrap's scratch files (on the machine, visible in the node).</param>
    /// <param name="network">Sockets inside the node (owned by the caller).</param>
    public NodeKubelet(NodeNamespace node, string nodeName, string workDir, NetworkNamespaceSockets network)
    {
        _node = node;
        _nodeName = nodeName;
        _workDir = Directory.CreateDirectory(workDir).FullName;
        LogDir = Directory.CreateDirectory(Path.Combine(workDir, "logs")).FullName;
        _network = network;
        _healthz = new KubeletHealthzStub(KubeletHealthzPort, _network);
        _loop = Task.Run(() => LoopAsync(_stop.Token));
    }

    public string LogDir { get; }

    /// <summary>Pids of the static pod processes running now, by component.</summary>
    public IReadOnlyDictionary<string, int> Running
    {
        get
        {
            lock (_gate)
            {
                return _running.Where(p => !p.Value.Process.HasExited).ToDictionary(p => p.Key, p => p.Value.Process.Id);
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
                Kill(pod.Process);
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
            var path = NodeFile($"/etc/kubernetes/manifests/{name}.yaml");
            var manifest = File.Exists(path) ? File.ReadAllText(path) : null;
            lock (_gate)
            {
                _running.TryGetValue(name, out var running);
                if (running is not null && (running.Manifest != manifest || _stop.IsCancellationRequested))
                {
                    Kill(running.Process);
                    _running.Remove(name);
                    running = null;
                    Log($"{name}: manifest {(manifest is null ? "removed" : "changed")}, stopped");
                }

                // The scheduler's /livez front holds the manifest's port while the scheduler's static pod exists.
                if (name == "kube-scheduler" && manifest is null && _schedulerFront is not null)
                {
                    _schedulerFront.DisposeAsync().AsTask().GetAwaiter().GetResult();
                    _schedulerFront = null;
                }

                if (manifest is null)
                {
                    continue;
                }

                if (running is not null && running.Process.HasExited)
                {
                    if (DateTime.UtcNow - running.ExitSeenAt(DateTime.UtcNow) < RestartDelay)
                    {
                        continue;
                    }

                    _running.Remove(name);
                    running = null;
                }

                if (running is null && TryCommand(manifest) is { } command)
                {
                    if (name == "kube-scheduler")
                    {
                        _schedulerFront ??= new ManifestWatchingLivezProxy(SchedulerManifestPort, SchedulerPrivatePort, _network);
                    }

                    _running[name] = new RunningPod(manifest, Launch(name, command));
                    Log($"{name}: started, pid {_running[name].Process.Id}");
                }
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

    private Process Launch(string name, List<string> command)
    {
        var binary = name == "etcd" ? K8sTestBinaries.EtcdBinary : Path.Combine(K8sTestBinaries.BinDir, command[0]);
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
        Log($"kubectl {string.Join(' ', args)}: exit {run.ExitCode} {run.Output.Trim()} {run.Error.Trim()}".ReplaceLineEndings(" "));
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

        Dictionary<string, string> manifests;
        lock (_gate)
        {
            manifests = _running.Where(p => !p.Value.Process.HasExited).ToDictionary(p => p.Key, p => p.Value.Manifest);
        }

        foreach (var (name, manifest) in manifests)
        {
            if (_mirrored.GetValueOrDefault(name) == manifest)
            {
                continue;
            }

            var pod = JsonNode.Parse(ManifestJson.FromYaml(manifest))!.AsObject();
            var metadata = pod["metadata"]!.AsObject();
            metadata["name"] = $"{name}-{_nodeName}";
            var annotations = metadata["annotations"] as JsonObject ?? [];
            metadata["annotations"] = annotations;
            annotations["kubernetes.io/config.source"] = "file";
            annotations["kubernetes.io/config.mirror"] = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(manifest)))[..32];
            // NodeRestriction (1.17+): a node's mirror Pods are owned by its Node, as the kubelet sets it.
            metadata["ownerReferences"] = new JsonArray(new JsonObject
            {
                ["apiVersion"] = "v1", ["kind"] = "Node", ["name"] = _nodeName, ["uid"] = _nodeUid, ["controller"] = true,
            });
            pod["spec"]!["nodeName"] = _nodeName;
            var posted = await KubectlInNodeAsync(kubeconfig, pod.ToJsonString(), ["replace", "--force", "--validate=false", "-f", "-"]);
            if (posted.ExitCode != 0 && posted.Error.Contains("NotFound", StringComparison.Ordinal))
            {
                posted = await KubectlInNodeAsync(kubeconfig, pod.ToJsonString(), ["create", "--validate=false", "-f", "-"]);
            }

            if (posted.ExitCode == 0)
            {
                _mirrored[name] = manifest;
            }
        }
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

    private sealed class RunningPod(string manifest, Process process)
    {
        private DateTime? _exitSeen;

        public string Manifest { get; } = manifest;

        public Process Process { get; } = process;

        /// <summary>When the loop first saw the process gone (the restart delay counts from there).</summary>
        public DateTime ExitSeenAt(DateTime now) => _exitSeen ??= now;
    }
}
