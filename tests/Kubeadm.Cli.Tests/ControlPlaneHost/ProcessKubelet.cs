using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using k8s.Models;
using Kubeadm.Cli.Tests.RealEtcd;
using Kubeadm.Core.ControlPlane;

namespace Kubeadm.Cli.Tests.ControlPlaneHost;

/// <summary>
/// A "process kubelet" for end-to-end tests: does what the kubelet would do with the static pod manifests our
/// phases wrote under a --rootfs, but runs each container's command as a host process (no container runtime or
/// images here). Host paths are moved under the rootfs; everything listens on 127.0.0.1 on free ports; flags the
/// test binaries (Kubernetes 1.20, etcd 3.4) do not know are dropped. All of that happens only here, in the test:
/// the manifests and kubeconfigs on disk are never modified. Every process it started is killed by pid in
/// <see cref="Dispose"/> and, as a safety net, when the test process exits.
/// </summary>
internal sealed partial class ProcessKubelet : IDisposable, IAsyncDisposable
{
    /// <summary>
    /// Flags our v1.34 manifests carry that the test binaries reject ("unknown flag"), per component. Only the test
    /// drops them; each entry says why.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string[]> DroppedFlags = new Dictionary<string, string[]>
    {
        ["etcd"] =
        [
            "--feature-gates", // etcd 3.6 feature gates (InitialCorruptCheck=true); etcd 3.4 has no --feature-gates flag
            "--watch-progress-notify-interval", // kubeadm sets it for etcd >= 3.5; etcd 3.4.23 rejects it
        ],
        ["kube-apiserver"] =
        [
            "--authentication-config", // the security profile's anonymous allow-list (Kubernetes 1.30+ flag; conditions need 1.32); 1.20 has neither
        ],
        ["kube-controller-manager"] = [],
        ["kube-scheduler"] = [],
    };

    private static readonly ConcurrentDictionary<int, Process> Live = new();
    private static readonly ConcurrentDictionary<int, byte> PortsHandedOut = new();

    private readonly List<ComponentProcess> _components = [];
    private readonly ProcessKubeletOptions _options;
    private TestPorts _ports = new(0, 0, 0, 0, 0, 0);
    private int _disposed;

    static ProcessKubelet() => AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAll();

    private ProcessKubelet(ProcessKubeletOptions options)
    {
        _options = options;
        Directory.CreateDirectory(options.WorkDir);
        LogDir = Directory.CreateDirectory(Path.Combine(options.WorkDir, "logs")).FullName;
    }

    /// <summary>https://127.0.0.1:&lt;port&gt; of the running kube-apiserver.</summary>
    public string ApiServerUrl { get; private set; } = "";

    public int ApiServerPort { get; private set; }

    /// <summary>https://127.0.0.1:&lt;port&gt; of the running etcd's client endpoint.</summary>
    public string EtcdEndpoint { get; private set; } = "";

    /// <summary>Our admin.conf, or a copy pointing at <see cref="ApiServerUrl"/> when ours points elsewhere.</summary>
    public string AdminKubeconfig { get; private set; } = "";

    /// <summary>
    /// Our super-admin.conf (system:masters) or a rewritten copy. On a fresh cluster admin.conf's group
    /// kubeadm:cluster-admins has no RBAC binding yet (a later phase creates it), so checks use this one.
    /// </summary>
    public string SuperAdminKubeconfig { get; private set; } = "";

    /// <summary>Directory holding one &lt;component&gt;.log per started process.</summary>
    public string LogDir { get; }

    /// <summary>What was started, in start order.</summary>
    public IReadOnlyList<ComponentProcess> Components => _components;

    /// <summary>A free TCP port on 127.0.0.1 (not handed out before by this process), e.g. for --apiserver-bind-port.</summary>
    public static int FreePort()
    {
        for (var attempt = 0; ; attempt++)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            if (PortsHandedOut.TryAdd(port, 0) || attempt > 50)
            {
                return port;
            }
        }
    }

    /// <summary>Starts the control plane from the manifests under <see cref="ProcessKubeletOptions.Rootfs"/>, waits for health, registers the node.</summary>
    /// <exception cref="ControlPlaneStartException">A component exited or did not become healthy; the message has the log tails.</exception>
    public static async Task<ProcessKubelet> StartAsync(ProcessKubeletOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var kubelet = new ProcessKubelet(options);
        try
        {
            await kubelet.StartAllAsync(cancellationToken);
            return kubelet;
        }
        catch
        {
            kubelet.Dispose();
            throw;
        }
    }

    /// <summary>The last lines of every component log, for failure messages.</summary>
    public string LogTails(int lines = 30)
    {
        var text = new StringBuilder();
        foreach (var component in _components)
        {
            text.Append("----- ").Append(component.Name).Append(" (pid ").Append(component.Pid)
                .Append(component.HasExited ? ", exited" : ", running").Append(") ").AppendLine(component.LogPath);
            text.AppendLine(component.LogTail(lines));
        }

        return text.ToString();
    }

    /// <summary>Kills one running component (by its pid), as a crash would; <see cref="RestartAsync"/> starts it again.</summary>
    public void Stop(string name)
    {
        var component = _components.Last(c => c.Name == name);
        component.Kill();
        Live.TryRemove(component.Pid, out _);
    }

    /// <summary>
    /// What the kubelet does when a static pod's container dies: kills <paramref name="name"/> if still running, starts it
    /// again with the same binary and arguments (same ports) and waits for its health check.
    /// </summary>
    public async Task RestartAsync(string name, CancellationToken cancellationToken = default)
    {
        var index = _components.FindLastIndex(c => c.Name == name);
        var old = _components[index];
        Stop(name);
        var component = Launch(name, old.Binary, [.. old.Arguments], append: true);
        _components.RemoveAt(_components.Count - 1);
        _components[index] = component;
        await WaitHealthyAsync(component, ProbeFor(name, Path.Combine(_options.Rootfs, "etc/kubernetes/pki"), _ports), cancellationToken);
    }

    /// <summary>kubectl as super-admin (system:masters).</summary>
    public Task<CommandResult> KubectlAsync(params string[] args) => KubectlAsync(SuperAdminKubeconfig, stdin: null, args);

    /// <summary>kubectl with the given kubeconfig and optional standard input.</summary>
    public static async Task<CommandResult> KubectlAsync(string kubeconfig, string? stdin, params string[] args)
    {
        var start = new ProcessStartInfo(K8sTestBinaries.Kubectl)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = stdin is not null,
        };
        start.ArgumentList.Add("--kubeconfig");
        start.ArgumentList.Add(kubeconfig);
        start.ArgumentList.Add("--request-timeout=20s");
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        RemoveProxyVariables(start);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("kubectl did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
            process.StandardInput.Close();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return new CommandResult(process.ExitCode, await output, await error);
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        for (var i = _components.Count - 1; i >= 0; i--)
        {
            _components[i].Kill();
            Live.TryRemove(_components[i].Pid, out _);
        }
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private static void KillAll()
    {
        foreach (var (pid, process) in Live)
        {
            try
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                }
            }
            catch (InvalidOperationException)
            {
            }
            catch (System.ComponentModel.Win32Exception)
            {
            }

            Live.TryRemove(pid, out _);
        }
    }

    private async Task StartAllAsync(CancellationToken cancellationToken)
    {
        var manifests = Path.Combine(_options.Rootfs, "etc/kubernetes/manifests");
        var pki = Path.Combine(_options.Rootfs, "etc/kubernetes/pki");
        var ports = new TestPorts(FreePort(), FreePort(), FreePort(), 0, FreePort(), FreePort());
        var apiServerPort = 0;

        foreach (var name in _options.Components)
        {
            var manifest = Path.Combine(manifests, name + ".yaml");
            var command = _options.ManifestWait > TimeSpan.Zero
                ? await WaitForManifestAsync(manifest, cancellationToken)
                : File.Exists(manifest)
                    ? ReadCommand(manifest)
                    : throw new ControlPlaneStartException($"no static pod manifest {manifest}\n{LogTails()}");
            if (name == "kube-apiserver")
            {
                apiServerPort = ChooseApiServerPort(command);
                ports = ports with { ApiServer = apiServerPort };
                ApiServerPort = apiServerPort;
                _ports = ports;
                ApiServerUrl = $"https://127.0.0.1:{apiServerPort}";
                AdminKubeconfig = KubeconfigFor(Path.Combine(_options.Rootfs, "etc/kubernetes/admin.conf"));
                SuperAdminKubeconfig = KubeconfigFor(Path.Combine(_options.Rootfs, "etc/kubernetes/super-admin.conf"));
            }

            if (name == "kube-controller-manager")
            {
                ports = ports with { ControllerManager = _options.SecurePorts.GetValueOrDefault(name, KeepSecurePort(command, 10257, ports.ControllerManager)) };
            }
            else if (name == "kube-scheduler")
            {
                ports = ports with { Scheduler = _options.SecurePorts.GetValueOrDefault(name, KeepSecurePort(command, 10259, ports.Scheduler)) };
            }

            _ports = ports;
            var arguments = AdaptForTest(name, command.Skip(1), ports);
            var binary = name == "etcd" ? _options.EtcdBinary : Path.Combine(_options.BinDir, command[0]);
            if (name == "etcd")
            {
                EtcdEndpoint = $"https://127.0.0.1:{ports.EtcdClient}";
                PrepareEtcdDataDir(arguments);
            }

            var component = Launch(name, binary, arguments);
            await WaitHealthyAsync(component, ProbeFor(name, pki, ports), cancellationToken);
        }

        if (_options.RegisterNode)
        {
            await RegisterNodeAsync();
        }
    }

    private static List<string> ReadCommand(string manifestPath)
    {
        V1Pod pod = StaticPodSerializer.FromJson(ManifestJson.FromYaml(File.ReadAllText(manifestPath)));
        var container = Assert.Single(pod.Spec.Containers);
        return [.. container.Command ?? [], .. container.Args ?? []];
    }

    /// <summary>Manifest-watching mode: polls until <paramref name="manifest"/> exists and parses, as the kubelet watches its static pod directory.</summary>
    private async Task<List<string>> WaitForManifestAsync(string manifest, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Exception? last = null;
            if (File.Exists(manifest))
            {
                try
                {
                    return ReadCommand(manifest);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // Not parseable yet (the writer may not be done); keep polling until the deadline.
                    last = e;
                }
            }

            if (clock.Elapsed > _options.ManifestWait)
            {
                throw new ControlPlaneStartException(
                    $"no usable static pod manifest {manifest} after {_options.ManifestWait.TotalSeconds:0} s{(last is null ? "" : ": " + last.Message)}\n{LogTails()}");
            }

            await Task.Delay(200, cancellationToken);
        }
    }

    private static int ChooseApiServerPort(List<string> command)
    {
        var flag = command.FirstOrDefault(f => f.StartsWith("--secure-port=", StringComparison.Ordinal));
        var port = flag is null ? 6443 : int.Parse(flag["--secure-port=".Length..]);

        // kubeadm's default 6443 may be taken on a developer machine; a port the test chose is kept so our
        // kubeconfigs work unchanged.
        return port == 6443 || !IsFree(port) ? FreePort() : port;
    }

    /// <summary>
    /// A --secure-port the manifest sets to something other than the well-known default (the test chose a free port
    /// through the ClusterConfiguration's extraArgs) is kept, so health checks that read the manifests (wait-control-plane)
    /// find the component; otherwise <paramref name="fallback"/>.
    /// </summary>
    private static int KeepSecurePort(List<string> command, int wellKnown, int fallback)
    {
        var flag = command.LastOrDefault(f => f.StartsWith("--secure-port=", StringComparison.Ordinal));
        return flag is not null && int.TryParse(flag["--secure-port=".Length..], out var port) && port != wellKnown && port > 0 && IsFree(port)
            ? port
            : fallback;
    }

    private string KubeconfigFor(string ours)
    {
        var server = KubeconfigCredentials.Read(ours).Server;
        if (server == ApiServerUrl)
        {
            return ours;
        }

        var copy = Path.Combine(Directory.CreateDirectory(Path.Combine(_options.WorkDir, "kubeconfig")).FullName, Path.GetFileName(ours));
        KubeconfigCredentials.WriteWithServer(ours, copy, ApiServerUrl);
        return copy;
    }

    /// <summary>The manifest's flags as the test runs them; see the class comment and docs/testing-control-plane.md.</summary>
    private List<string> AdaptForTest(string component, IEnumerable<string> flags, TestPorts ports)
    {
        var dropped = DroppedFlags.GetValueOrDefault(component, []);
        var overrides = TestOnlyFlags(component, ports);
        var result = new List<string>();
        foreach (var flag in flags)
        {
            var separator = flag.IndexOf('=', StringComparison.Ordinal);
            var name = separator < 0 ? flag : flag[..separator];
            if (dropped.Contains(name) || overrides.ContainsKey(name))
            {
                continue;
            }

            if (separator < 0)
            {
                result.Add(flag);
                continue;
            }

            result.Add(name + "=" + AdaptValue(component, name, flag[(separator + 1)..], ports));
        }

        result.AddRange(overrides.Select(pair => pair.Key + "=" + pair.Value));
        return result;
    }

    private string AdaptValue(string component, string name, string value, TestPorts ports)
    {
        if (name.EndsWith("kubeconfig", StringComparison.Ordinal) && value.StartsWith('/'))
        {
            return KubeconfigFor(_options.Rootfs + value);
        }

        if (value.StartsWith('/'))
        {
            return _options.Rootfs + value;
        }

        if (component == "etcd" || name == "--etcd-servers")
        {
            // Every etcd URL on 127.0.0.1 and the well-known ports moved to free ones. With 127.0.0.1 as the
            // advertise address both listen-client URLs are the same, and etcd cannot bind one twice.
            var urls = value.Split(',').Select(url => EtcdUrl().Replace(url, match =>
                match.Groups["scheme"].Value + "127.0.0.1:" + match.Groups["port"].Value switch
                {
                    "2379" => ports.EtcdClient,
                    "2380" => ports.EtcdPeer,
                    "2381" => ports.EtcdMetrics,
                    var other => int.Parse(other),
                }));
            return string.Join(',', urls.Distinct(StringComparer.Ordinal));
        }

        return value;
    }

    /// <summary>
    /// Flags the test sets itself (replacing the manifest's value if any): loopback binds, free ports, and the 1.20
    /// binaries' insecure ports switched off (they default to 8080/10251/10252 there; kubeadm 1.20 set them to 0).
    /// </summary>
    private static Dictionary<string, string> TestOnlyFlags(string component, TestPorts ports) => component switch
    {
        "kube-apiserver" => new()
        {
            ["--advertise-address"] = "127.0.0.1",
            ["--bind-address"] = "127.0.0.1",
            ["--secure-port"] = ports.ApiServer.ToString(),
            ["--insecure-port"] = "0", // 1.20 only (removed in 1.24)
        },
        "kube-controller-manager" => new()
        {
            ["--bind-address"] = "127.0.0.1",
            ["--secure-port"] = ports.ControllerManager.ToString(),
            ["--port"] = "0", // 1.20 only: no insecure healthz port 10252
        },
        "kube-scheduler" => new()
        {
            ["--bind-address"] = "127.0.0.1",
            ["--secure-port"] = ports.Scheduler.ToString(),
            ["--port"] = "0", // 1.20 only: no insecure healthz port 10251
        },
        _ => [],
    };

    private static void PrepareEtcdDataDir(List<string> arguments)
    {
        var dataDir = arguments.FirstOrDefault(a => a.StartsWith("--data-dir=", StringComparison.Ordinal))?["--data-dir=".Length..];
        if (dataDir is not null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(dataDir)!);
        }
    }

    private ComponentProcess Launch(string name, string binary, List<string> arguments, bool append = false)
    {
        if (!File.Exists(binary))
        {
            throw new ControlPlaneStartException($"{name}: binary {binary} not found; run `bash scripts/k8s-test-binaries.sh`");
        }

        var logPath = Path.Combine(LogDir, name + ".log");
        var header = $"# {binary} {string.Join(' ', arguments)}\n";
        if (append)
        {
            File.AppendAllText(logPath, "# ----- restarted -----\n" + header);
        }
        else
        {
            File.WriteAllText(logPath, header);
        }

        // exec through sh so the pid is the component's own and its output goes straight to the log file,
        // which stays complete even if the test process dies first.
        var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false, WorkingDirectory = _options.WorkDir };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("exec \"$0\" \"$@\" >>\"$KUBEADM_TEST_LOG\" 2>&1 </dev/null");
        start.ArgumentList.Add(binary);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["KUBEADM_TEST_LOG"] = logPath;
        RemoveProxyVariables(start);
        var process = Process.Start(start) ?? throw new ControlPlaneStartException($"{name} did not start");
        Live[process.Id] = process;
        var component = new ComponentProcess(name, process, logPath, arguments) { Binary = binary };
        _components.Add(component);
        return component;
    }

    private static void RemoveProxyVariables(ProcessStartInfo start)
    {
        // Go's HTTP and gRPC clients honour these; loopback traffic between the components must not be proxied.
        foreach (var variable in new[] { "http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY" })
        {
            start.Environment.Remove(variable);
        }
    }

    private Func<Task<bool>> ProbeFor(string name, string pki, TestPorts ports) => name switch
    {
        "etcd" => Probe(
            $"https://127.0.0.1:{ports.EtcdClient}/health",
            X509Certificate2.CreateFromPemFile(Path.Combine(pki, "etcd/healthcheck-client.crt"), Path.Combine(pki, "etcd/healthcheck-client.key")),
            File.ReadAllText(Path.Combine(pki, "etcd/ca.crt")),
            body => body.Contains("\"health\":\"true\"", StringComparison.Ordinal)),
        "kube-apiserver" => ApiServerProbe(),
        "kube-controller-manager" => Probe($"https://127.0.0.1:{ports.ControllerManager}/healthz", null, null, body => body == "ok"),
        "kube-scheduler" => Probe($"https://127.0.0.1:{ports.Scheduler}/healthz", null, null, body => body == "ok"),
        _ => () => Task.FromResult(true),
    };

    private Func<Task<bool>> ApiServerProbe()
    {
        var credentials = KubeconfigCredentials.Read(SuperAdminKubeconfig);
        var certificate = credentials.ClientCertificate();
        var livez = Probe(ApiServerUrl + "/livez", certificate, credentials.CaPem, body => body == "ok");
        var readyz = Probe(ApiServerUrl + "/readyz", certificate, credentials.CaPem, body => body == "ok");
        return async () => await livez() && await readyz();
    }

    /// <summary>GET <paramref name="url"/> with an optional client certificate; the server is checked against <paramref name="caPem"/> when given.</summary>
    private static Func<Task<bool>> Probe(string url, X509Certificate2? clientCertificate, string? caPem, Func<string, bool> healthy) =>
        async () =>
        {
            using var handler = new SocketsHttpHandler { UseProxy = false };
            handler.SslOptions.ClientCertificates = clientCertificate is null ? null : new X509CertificateCollection { clientCertificate };
            handler.SslOptions.LocalCertificateSelectionCallback = clientCertificate is null ? null : (_, _, _, _, _) => clientCertificate;
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                caPem is null || (certificate is not null && ChainsTo(certificate, caPem, errors));
            using var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(5) };
            try
            {
                using var response = await client.GetAsync(url);
                return response.IsSuccessStatusCode && healthy((await response.Content.ReadAsStringAsync()).Trim());
            }
            catch (HttpRequestException)
            {
                return false;
            }
            catch (TaskCanceledException)
            {
                return false;
            }
        };

    private static bool ChainsTo(X509Certificate certificate, string caPem, SslPolicyErrors errors)
    {
        if ((errors & SslPolicyErrors.RemoteCertificateNotAvailable) != 0)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.CustomTrustStore.ImportFromPem(caPem);
        using var leaf = new X509Certificate2(certificate);
        return chain.Build(leaf);
    }

    private async Task WaitHealthyAsync(ComponentProcess component, Func<Task<bool>> probe, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < _options.HealthTimeout)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (component.HasExited)
            {
                throw new ControlPlaneStartException(
                    $"{component.Name} exited with code {component.ExitCode} before it was healthy\n{LogTails()}");
            }

            if (await probe())
            {
                component.HealthyAfter = deadline.Elapsed;
                return;
            }

            await Task.Delay(300, cancellationToken);
        }

        throw new ControlPlaneStartException(
            $"{component.Name} not healthy after {_options.HealthTimeout.TotalSeconds:0} s\n{LogTails()}");
    }

    private async Task RegisterNodeAsync()
    {
        var node = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Node",
            ["metadata"] = new JsonObject
            {
                ["name"] = _options.NodeName,
                ["labels"] = new JsonObject
                {
                    ["kubernetes.io/hostname"] = _options.NodeName,
                    ["kubernetes.io/os"] = "linux",
                    ["kubernetes.io/arch"] = "amd64",
                },
            },
        };
        var result = await KubectlAsync(SuperAdminKubeconfig, node.ToJsonString(), "create", "-f", "-");
        if (result.ExitCode != 0)
        {
            throw new ControlPlaneStartException($"registering Node {_options.NodeName} failed: {result.Output}{result.Error}\n{LogTails()}");
        }
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"(?<scheme>https?://)[^:/,]+:(?<port>\d+)")]
    private static partial Regex EtcdUrl();

    private sealed record TestPorts(int EtcdClient, int EtcdPeer, int EtcdMetrics, int ApiServer, int ControllerManager, int Scheduler);
}

/// <summary>One started component: its host process and log.</summary>
internal sealed class ComponentProcess(string name, Process process, string logPath, IReadOnlyList<string> arguments)
{
    public string Name { get; } = name;

    public int Pid { get; } = process.Id;

    public string LogPath { get; } = logPath;

    /// <summary>The executable it runs.</summary>
    public string Binary { get; init; } = "";

    /// <summary>The arguments it runs with (after the test's adaptations).</summary>
    public IReadOnlyList<string> Arguments { get; } = arguments;

    /// <summary>How long it took to answer its health check, once it did.</summary>
    public TimeSpan? HealthyAfter { get; internal set; }

    public bool HasExited => process.HasExited;

    public int? ExitCode => process.HasExited ? process.ExitCode : null;

    public string LogTail(int lines = 30)
    {
        try
        {
            using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            return string.Join('\n', reader.ReadToEnd().Split('\n').TakeLast(lines));
        }
        catch (IOException exception)
        {
            return $"(log unreadable: {exception.Message})";
        }
    }

    internal void Kill()
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

        // The Process object is not disposed: HasExited/ExitCode stay readable for log tails after Dispose.
    }
}

/// <summary>A command's exit code and output.</summary>
internal sealed record CommandResult(int ExitCode, string Output, string Error);

/// <summary>The control plane did not come up; the message carries the component log tails.</summary>
internal sealed class ControlPlaneStartException(string message) : Exception(message);
