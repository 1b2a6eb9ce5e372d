using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Kubeadm.Cli.Tests.ControlPlaneHost;
using Kubeadm.Cli.Tests.Packaging;
using Kubeadm.Cli.Tests.Runtime;
using Xunit.Abstractions;

namespace Kubeadm.Cli.Tests.RealNode;

/// <summary>
/// The real node path: the shipped native AOT `kubeadm init` on a test node (own mount and network namespaces,
/// <see cref="NodeNamespace"/>) with Debian's containerd + runc, the real kubelet v1.20.2 run as kubelet.service
/// with kubeadm's drop-in would run it (<see cref="SystemdKubelet"/>), and control-plane images assembled locally
/// (<see cref="RealNodeImages"/>) and imported with ctr. Nothing stands in for the kubelet: it starts our static
/// pods through CRI, registers the Node, takes over its client certificate; then a second init without reset
/// succeeds on the running node. See docs/testing-real-node.md.
/// </summary>
[Trait("Category", "RealTools")]
[Trait("Category", "RealNode")]
public sealed partial class RealNodeInitTests(ITestOutputHelper output)
{
    internal const string NodeName = "kubeadm-real-node";
    private const string KubernetesVersion = "v1.34.2";
    internal const string ImageRepository = "registry.local/k8s";

    /// <summary>
    /// Preflight checks that cannot pass on this test node, by name: the kubelet is 1.20, far below what kubeadm 1.34
    /// supports (KubeletVersion); there are no coredns and kube-proxy images to pull, only the five the node runs
    /// (ImagePull).
    /// </summary>
    private static readonly string[] IgnoredPreflightChecks = ["KubeletVersion", "ImagePull"];

    private static readonly string[] ControlPlaneComponents = ["etcd", "kube-apiserver", "kube-controller-manager", "kube-scheduler"];

    [RealNodeFact]
    public async Task Should_RegisterTheNodeAndRunTheControlPlane_When_ThePublishedKubeadmInitsARealNode_AndSucceedAgain_When_ReRunWithoutReset()
    {
        RealNodeRequirements.Verify();
        var shim = await TestImageShimBinary.BuildAsync(TimeSpan.FromMinutes(8));
        var kubeadm = PublishedKubeadm.Path;

        await using var node = await NodeNamespace.StartAsync(TimeSpan.FromMinutes(20));
        var logs = Path.Combine(node.Scratch, "logs");
        Directory.CreateDirectory(logs);
        ContainerdProcess? containerd = null;
        SystemdKubelet? kubelet = null;
        try
        {
            // --- The images, named as our kubeadm names them. ---
            var list = await KubeadmAsync(node, kubeadm, ["config", "images", "list", "--image-repository", ImageRepository, "--kubernetes-version", KubernetesVersion], TimeSpan.FromMinutes(1));
            Assert.True(list.ExitCode == 0, $"kubeadm config images list: {list.Output}");
            var images = list.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(l => l.StartsWith(ImageRepository + "/", StringComparison.Ordinal)).ToList();
            var pause = Assert.Single(images, i => RealNodeImages.NameOf(i) == "pause");
            var built = images.Where(RealNodeImages.IsBuilt).ToList();
            Assert.Equal(5, built.Count);

            containerd = await ContainerdProcess.StartAsync(sandboxImage: pause, launcher: node.Launcher);
            var archives = Path.Combine(node.Scratch, "images");
            Directory.CreateDirectory(archives);
            foreach (var image in built)
            {
                await containerd.ImportAsync(await RealNodeImages.WriteArchiveAsync(image, shim, archives));
            }

            Assert.Subset(new HashSet<string>(await containerd.ImageNamesAsync()), built.ToHashSet());

            // --- kubelet.service as installed with kubeadm's drop-in: crash-loops until init writes its files. ---
            var kubeletLog = Path.Combine(logs, "kubelet.log");
            kubelet = new SystemdKubelet(
                KubeletUnit.Parse(KubeletUnit.KubeletService, await PackageArtifacts.DebDropInAsync()),
                path => File.Exists(node.HostPath(path)) ? File.ReadAllText(node.HostPath(path)) : null,
                (argv, environment) => node.LoggedCommand(argv, kubeletLog, environment),
                executable => executable == "/usr/bin/kubelet" ? Path.Combine(K8sTestBinaries.BinDir, "kubelet") : executable,
                restartSec: TimeSpan.FromSeconds(1));
            kubelet.Start();

            var config = Path.Combine(node.Scratch, "kubeadm.yaml");
            await File.WriteAllTextAsync(config, Config(containerd.Endpoint, node.CgroupRoot));
            string[] init = ["init", "--config", config, "--ignore-preflight-errors=" + string.Join(',', IgnoredPreflightChecks)];

            // --- 1. init, the shipped binary, to the join command. ---
            var clock = Stopwatch.StartNew();
            var first = await KubeadmAsync(node, kubeadm, init, TimeSpan.FromMinutes(8));
            var firstTime = clock.Elapsed;
            output.WriteLine($"first init: {firstTime.TotalSeconds:0.0} s, exit {first.ExitCode}\n{first.Output}");
            Assert.True(first.ExitCode == 0, $"kubeadm init exited {first.ExitCode}:\n{first.Output}\n{Diagnostics(node, containerd, kubelet, kubeletLog)}");
            Assert.Contains("Your Kubernetes control-plane has initialized successfully!", first.Output);
            Assert.Matches(JoinLine(), first.Output);
            Assert.Contains("[kubelet-check] The kubelet is healthy after", first.Output);
            Assert.Contains("[control-plane-check] kube-scheduler is healthy after", first.Output);

            // --- 2. The kubelet registered the Node and runs the control plane (mirror pods seen by the API). ---
            var nodeObject = await KubectlJsonAsync(node, "get", "node", NodeName);
            Assert.Equal(K8sTestBinaries.GitVersion, (string)nodeObject["status"]!["nodeInfo"]!["kubeletVersion"]!);
            Assert.StartsWith("containerd://1.6", (string)nodeObject["status"]!["nodeInfo"]!["containerRuntimeVersion"]!, StringComparison.Ordinal);
            Assert.Contains(nodeObject["status"]!["addresses"]!.AsArray(), a => (string)a!["address"]! == NodeNamespace.DefaultAddress);
            Assert.Contains(nodeObject["spec"]!["taints"]!.AsArray(), t => (string)t!["key"]! == "node-role.kubernetes.io/control-plane");
            await WaitForMirrorPodsRunningAsync(node, TimeSpan.FromMinutes(2));

            // --- 3. The containers run in containerd (CRI namespace k8s.io), one per component plus the sandboxes. ---
            var running = await RunningImagesAsync(containerd);
            output.WriteLine("running containers' images: " + string.Join(", ", running));
            foreach (var image in built)
            {
                Assert.Contains(image, running);
            }

            Assert.True(running.Count(i => i == pause) >= ControlPlaneComponents.Length, $"expected a pause sandbox per static pod: {string.Join(", ", running)}");

            // --- 4. The kubelet's client certificate: kubelet.conf points at the rotated file, signed by our CA. ---
            var kubeletConf = await File.ReadAllTextAsync(node.HostPath("/etc/kubernetes/kubelet.conf"));
            Assert.Contains("client-certificate: /var/lib/kubelet/pki/kubelet-client-current.pem", kubeletConf);
            Assert.Contains("client-key: /var/lib/kubelet/pki/kubelet-client-current.pem", kubeletConf);
            // The kubelet's certificate store: kubelet-client-current.pem is a symlink to kubelet-client-<timestamp>.pem,
            // absolute inside the node, so it is resolved against the node's root here.
            var link = new FileInfo(node.HostPath("/var/lib/kubelet/pki/kubelet-client-current.pem")).LinkTarget;
            Assert.NotNull(link);
            Assert.Matches(@"^(/var/lib/kubelet/pki/)?kubelet-client-\d{4}-\d{2}-\d{2}-\d{2}-\d{2}-\d{2}\.pem$", link);
            var current = node.HostPath("/var/lib/kubelet/pki/" + Path.GetFileName(link));
            var verify = await HostTool.RunAsync("/usr/bin/openssl", ["verify", "-CAfile", node.HostPath("/etc/kubernetes/pki/ca.crt"), current], TimeSpan.FromSeconds(20));
            Assert.True(verify.ExitCode == 0 && verify.Output.Contains(": OK", StringComparison.Ordinal), $"openssl verify: {verify.Output}");
            var subject = await HostTool.RunCheckedAsync("/usr/bin/openssl", ["x509", "-noout", "-subject", "-nameopt", "RFC2253", "-in", current], TimeSpan.FromSeconds(20));
            Assert.Contains($"CN=system:node:{NodeName}", subject);
            Assert.Contains("O=system:nodes", subject);

            // --- 5. init again, without reset, on the running node. ---
            var ca = await File.ReadAllBytesAsync(node.HostPath("/etc/kubernetes/pki/ca.crt"));
            var kubeletPid = kubelet.RunningPid;
            clock.Restart();
            var second = await KubeadmAsync(node, kubeadm, init, TimeSpan.FromMinutes(8));
            var secondTime = clock.Elapsed;
            output.WriteLine($"second init: {secondTime.TotalSeconds:0.0} s, exit {second.ExitCode}\n{second.Output}");
            Assert.True(second.ExitCode == 0, $"second kubeadm init exited {second.ExitCode}:\n{second.Output}\n{Diagnostics(node, containerd, kubelet, kubeletLog)}");
            Assert.Contains("[certs] Using existing ca certificate authority", second.Output);
            Assert.Contains("Your Kubernetes control-plane has initialized successfully!", second.Output);
            Assert.Matches(JoinLine(), second.Output);
            Assert.Equal(ca, await File.ReadAllBytesAsync(node.HostPath("/etc/kubernetes/pki/ca.crt")));
            Assert.Equal(NodeName, (string)(await KubectlJsonAsync(node, "get", "node", NodeName))["metadata"]!["name"]!);
            await WaitForMirrorPodsRunningAsync(node, TimeSpan.FromMinutes(2));
            output.WriteLine($"first init {firstTime.TotalSeconds:0.0} s, second init {secondTime.TotalSeconds:0.0} s; kubelet starts {kubelet.Pids.Count}, pid before the second init {kubeletPid}, after {kubelet.RunningPid}");
        }
        finally
        {
            // The kubelet first (it would restart the containers), then containerd with every task, then anything
            // left in the node's namespaces (NodeNamespace.DisposeAsync), all by pid.
            if (kubelet is not null)
            {
                await kubelet.DisposeAsync();
            }

            if (containerd is not null)
            {
                await containerd.DisposeAsync();
            }
        }
    }

    internal static string Config(string criSocket, string cgroupRoot) => $"""
        apiVersion: kubeadm.k8s.io/v1beta4
        kind: InitConfiguration
        localAPIEndpoint:
          advertiseAddress: {NodeNamespace.DefaultAddress}
          bindPort: 6443
        nodeRegistration:
          name: {NodeName}
          criSocket: {criSocket}
          kubeletExtraArgs:
          # Kubernetes 1.20's kubelet still defaults to dockershim, and reads the CRI endpoint only from its flag
          # (kubeadm 1.34 puts it in instance-config.yaml as containerRuntimeEndpoint, a field 1.20 ignores).
          - name: container-runtime
            value: remote
          - name: container-runtime-endpoint
            value: {criSocket}
          - name: node-ip
            value: {NodeNamespace.DefaultAddress}
        timeouts:
          kubeletHealthCheck: 2m0s
          controlPlaneComponentHealthCheck: 4m0s
        ---
        apiVersion: kubeadm.k8s.io/v1beta4
        kind: ClusterConfiguration
        kubernetesVersion: {KubernetesVersion}
        imageRepository: {ImageRepository}
        ---
        apiVersion: kubelet.config.k8s.io/v1beta1
        kind: KubeletConfiguration
        cgroupDriver: cgroupfs
        cgroupRoot: {cgroupRoot}
        failSwapOn: false
        """;

    private static Regex JoinLine() => new($@"kubeadm join {Regex.Escape(NodeNamespace.DefaultAddress)}:6443 --token [a-z0-9]{{6}}\.[a-z0-9]{{16}} \\\s*\n\s*--discovery-token-ca-cert-hash sha256:[0-9a-f]{{64}}");

    /// <summary>Runs the published binary inside the node, with the kubelet on PATH as on a real node.</summary>
    private static async Task<CliRun> KubeadmAsync(NodeNamespace node, string kubeadm, string[] arguments, TimeSpan timeout)
    {
        var (exitCode, text) = await InNodeAsync(node, [kubeadm, .. arguments], timeout);
        return new CliRun(exitCode, text, string.Empty);
    }

    private static async Task<JsonNode> KubectlJsonAsync(NodeNamespace node, params string[] arguments)
    {
        var (exitCode, text) = await InNodeAsync(node, [K8sTestBinaries.Kubectl, "--kubeconfig", "/etc/kubernetes/admin.conf", "--request-timeout=20s", .. arguments, "-o", "json"], TimeSpan.FromSeconds(40));
        Assert.True(exitCode == 0, $"kubectl {string.Join(' ', arguments)}: {text}");
        // Output is stdout then stderr (warnings): the JSON is the outermost braces.
        return JsonNode.Parse(text[text.IndexOf('{', StringComparison.Ordinal)..(text.LastIndexOf('}') + 1)]) ?? throw new InvalidOperationException("kubectl printed null");
    }

    /// <summary>A command in the node with a clean environment (no proxy variables from the test's), the kubelet on PATH.</summary>
    internal static Task<(int ExitCode, string Output)> InNodeAsync(NodeNamespace node, string[] command, TimeSpan timeout) =>
        node.RunAsync("/usr/bin/env", ["-i", $"PATH={K8sTestBinaries.BinDir}:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "HOME=/root", .. command], timeout);

    /// <summary>Every control-plane component's mirror pod reports its container running (bounded).</summary>
    private static async Task WaitForMirrorPodsRunningAsync(NodeNamespace node, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var last = string.Empty;
        while (true)
        {
            var pods = await KubectlJsonAsync(node, "-n", "kube-system", "get", "pods");
            var running = pods["items"]!.AsArray()
                .Where(p => (string?)p!["status"]?["containerStatuses"]?[0]?["state"]?["running"]?["startedAt"] is not null)
                .Select(p => (string)p!["metadata"]!["name"]!)
                .ToHashSet();
            var missing = ControlPlaneComponents.Select(c => $"{c}-{NodeName}").Where(name => !running.Contains(name)).ToList();
            if (missing.Count == 0)
            {
                return;
            }

            last = $"not running yet: {string.Join(", ", missing)}; running: {string.Join(", ", running)}";
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"mirror pods did not all report running within {timeout}: {last}");
            }

            await Task.Delay(TimeSpan.FromSeconds(2));
        }
    }

    /// <summary>The image of every container whose task is RUNNING in containerd's CRI namespace.</summary>
    private static async Task<List<string>> RunningImagesAsync(ContainerdProcess containerd)
    {
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

    internal static string Diagnostics(NodeNamespace node, ContainerdProcess containerd, SystemdKubelet kubelet, string kubeletLog)
    {
        // klog's fatal lines (F…) and Go panics, then the end; a fatal exit dumps every goroutine after its reason.
        var lines = File.Exists(kubeletLog) ? File.ReadAllLines(kubeletLog) : ["(no kubelet log)"];
        var fatal = lines.Where(l => Regex.IsMatch(l, @"^(F\d{4} |panic:|fatal error:)")).Distinct().TakeLast(10);
        var kubeletTail = string.Join('\n', fatal.Append("...").Concat(lines.Where(l => !l.StartsWith('\t') && !l.StartsWith("goroutine ", StringComparison.Ordinal)).TakeLast(40)));
        var podLogs = Directory.Exists(node.HostPath("/var/log/pods"))
            ? string.Join('\n', Directory.EnumerateFiles(node.HostPath("/var/log/pods"), "*.log", SearchOption.AllDirectories)
                .Select(f => $"--- {f}\n{string.Join('\n', File.ReadLines(f).TakeLast(15))}"))
            : "(no pod logs)";
        return $"--- kubelet (starts {kubelet.Pids.Count}, last error {kubelet.LastStartError}): {string.Join(' ', kubelet.LastCommandLine)}\n{kubeletTail}\n--- containerd\n{containerd.LogTail()}\n{podLogs}";
    }
}
