using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Kubeadm.Cli.Tests.ControlPlaneHost;
using Kubeadm.Cli.Tests.Packaging;
using Kubeadm.Cli.Tests.Runtime;

namespace Kubeadm.Cli.Tests.RealNode;

/// <summary>
/// One machine of a real-node test: a <see cref="NodeNamespace"/> with Debian's containerd (started inside it, the
/// given images imported) and the real kubelet run as kubelet.service with kubeadm's drop-in would run it
/// (<see cref="SystemdKubelet"/>). Commands (the published kubeadm, kubectl) run inside with a clean environment.
/// Dispose stops the kubelet, then containerd with every task, then everything left in the namespaces, all by pid.
/// </summary>
internal sealed class RealTestNode : IAsyncDisposable
{
    private RealTestNode(NodeNamespace node)
    {
        Namespace = node;
        Logs = Path.Combine(node.Scratch, "logs");
        Directory.CreateDirectory(Logs);
    }

    public NodeNamespace Namespace { get; }

    public string Logs { get; }

    public string KubeletLog => Path.Combine(Logs, "kubelet.log");

    private const string StandardContainerdDirectory = "/run/containerd";

    public ContainerdProcess? Containerd { get; private set; }

    public SystemdKubelet? Kubelet { get; private set; }

    /// <inheritdoc cref="NodeNamespace.StartAsync(TimeSpan, string, string?, IReadOnlyList{string}?)"/>
    /// <remarks>/run/containerd is always private to the node: <see cref="StartContainerdAsync"/> links its socket there.</remarks>
    public static async Task<RealTestNode> StartAsync(TimeSpan lifetime, string address = NodeNamespace.DefaultAddress, string? hostname = null, IReadOnlyList<string>? privateDirectories = null) =>
        new(await NodeNamespace.StartAsync(lifetime, address, hostname, [.. (privateDirectories ?? []).Union([StandardContainerdDirectory], StringComparer.Ordinal)]));

    /// <summary>
    /// containerd inside the node with <paramref name="pause"/> as its sandbox image and the images imported (built by
    /// <see cref="RealNodeImages"/>), its socket also at the standard /run/containerd/containerd.sock as on a real host
    /// (kubeadm's CRI detection looks there, and so does the kubelet's cAdvisor).
    /// </summary>
    public async Task<ContainerdProcess> StartContainerdAsync(string pause, IReadOnlyCollection<string> images, string shim)
    {
        Containerd = await ContainerdProcess.StartAsync(sandboxImage: pause, launcher: Namespace.Launcher);
        var (linked, linkOutput) = await InNodeAsync(["/bin/ln", "-sf", Containerd.Socket, StandardContainerdDirectory + "/containerd.sock"], TimeSpan.FromSeconds(20));
        Assert.True(linked == 0, $"linking {Containerd.Socket} at {StandardContainerdDirectory}/containerd.sock: {linkOutput}");
        var archives = Path.Combine(Namespace.Scratch, "images");
        Directory.CreateDirectory(archives);
        foreach (var image in images)
        {
            await Containerd.ImportAsync(await RealNodeImages.WriteArchiveAsync(image, shim, archives));
        }

        Assert.Subset(new HashSet<string>(await Containerd.ImageNamesAsync()), images.ToHashSet());
        return Containerd;
    }

    /// <summary>`systemctl start kubelet` on a freshly installed kubeadm node: crash-loops until kubeadm writes its files.</summary>
    public async Task<SystemdKubelet> StartKubeletAsync()
    {
        Kubelet = new SystemdKubelet(
            KubeletUnit.Parse(KubeletUnit.KubeletService, await PackageArtifacts.DebDropInAsync()),
            path => File.Exists(Namespace.HostPath(path)) ? File.ReadAllText(Namespace.HostPath(path)) : null,
            (argv, environment) => Namespace.LoggedCommand(argv, KubeletLog, environment),
            executable => executable == "/usr/bin/kubelet" ? Path.Combine(K8sTestBinaries.BinDir, "kubelet") : executable,
            restartSec: TimeSpan.FromSeconds(1));
        Kubelet.Start();
        return Kubelet;
    }

    /// <summary>Runs the published binary inside the node, with the kubelet on PATH as on a real node.</summary>
    public async Task<CliRun> KubeadmAsync(IEnumerable<string> arguments, TimeSpan timeout, IEnumerable<string>? environment = null)
    {
        var (exitCode, text) = await InNodeAsync([.. environment ?? [], PublishedKubeadm.Path, .. arguments], timeout);
        return new CliRun(exitCode, text, string.Empty);
    }

    /// <summary>kubectl inside the node with its admin.conf, the JSON it printed.</summary>
    public async Task<JsonNode> KubectlJsonAsync(params string[] arguments)
    {
        var (exitCode, text) = await InNodeAsync([K8sTestBinaries.Kubectl, "--kubeconfig", "/etc/kubernetes/admin.conf", "--request-timeout=20s", .. arguments, "-o", "json"], TimeSpan.FromSeconds(40));
        Assert.True(exitCode == 0, $"kubectl {string.Join(' ', arguments)}: {text}");
        // Output is stdout then stderr (warnings): the JSON is the outermost braces.
        return JsonNode.Parse(text[text.IndexOf('{', StringComparison.Ordinal)..(text.LastIndexOf('}') + 1)]) ?? throw new InvalidOperationException("kubectl printed null");
    }

    /// <summary>
    /// A command in the node with a clean environment (no proxy variables from the test's), the kubelet on PATH;
    /// leading NAME=value words add to that environment.
    /// </summary>
    public Task<(int ExitCode, string Output)> InNodeAsync(string[] command, TimeSpan timeout) =>
        Namespace.RunAsync("/usr/bin/env", ["-i", $"PATH={K8sTestBinaries.BinDir}:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "HOME=/root", .. command], timeout);

    /// <summary>The kubelet's fatal lines and last lines, containerd's log and the pods' logs, for a failure message.</summary>
    public string Diagnostics()
    {
        // klog's fatal lines (F…) and Go panics, then the end; a fatal exit dumps every goroutine after its reason.
        var lines = File.Exists(KubeletLog) ? File.ReadAllLines(KubeletLog) : ["(no kubelet log)"];
        var fatal = lines.Where(l => Regex.IsMatch(l, @"^(F\d{4} |panic:|fatal error:)")).Distinct().TakeLast(10);
        var kubeletTail = string.Join('\n', fatal.Append("...").Concat(lines.Where(l => !l.StartsWith('\t') && !l.StartsWith("goroutine ", StringComparison.Ordinal)).TakeLast(40)));
        var podLogs = Directory.Exists(Namespace.HostPath("/var/log/pods"))
            ? string.Join('\n', Directory.EnumerateFiles(Namespace.HostPath("/var/log/pods"), "*.log", SearchOption.AllDirectories)
                .Select(f => $"--- {f}\n{string.Join('\n', File.ReadLines(f).TakeLast(15))}"))
            : "(no pod logs)";
        return $"--- node {Namespace.Address}: kubelet (starts {Kubelet?.Pids.Count}, last error {Kubelet?.LastStartError}): {string.Join(' ', Kubelet?.LastCommandLine ?? [])}\n{kubeletTail}\n--- containerd\n{Containerd?.LogTail()}\n{podLogs}";
    }

    /// <summary>The image of every container whose task is RUNNING in containerd's CRI namespace.</summary>
    public async Task<List<string>> RunningImagesAsync()
    {
        var containerd = Containerd ?? throw new InvalidOperationException("containerd is not started");
        var tasks = (await containerd.CtrAsync(["tasks", "ls"])).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(fields => fields.Length >= 3 && fields[2] == "RUNNING")
            .Select(fields => fields[0])
            .ToHashSet();
        return [.. (await containerd.CtrAsync(["containers", "ls"])).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(fields => fields.Length >= 2 && tasks.Contains(fields[0]))
            .Select(fields => fields[1])];
    }

    public async ValueTask DisposeAsync()
    {
        // The kubelet first (it would restart the containers), then containerd with every task, then anything left in
        // the node's namespaces, all by pid.
        try
        {
            if (Kubelet is not null)
            {
                await Kubelet.DisposeAsync();
            }

            if (Containerd is not null)
            {
                await Containerd.DisposeAsync();
            }
        }
        finally
        {
            await Namespace.DisposeAsync();
        }
    }
}
