using System.Net;
using System.Text.Json.Nodes;
using Kubeadm.Cli.Tests.ControlPlaneHost;
using Xunit.Abstractions;

namespace Kubeadm.Cli.Tests.MultiNode;

/// <summary>The bed itself, with the real tools (unshare, nsenter, ip, bridge): nodes reach each other by address and name, nothing else.</summary>
[Trait("Category", "RealTools")]
[Trait("Category", "MultiNode")]
public sealed class MultiNodeBedTests(ITestOutputHelper output)
{
    [MultiNodeFact]
    public async Task Should_GiveEachNodeItsNameAddressAndPrivateDirs_And_ConnectThemOnTheBridge_When_Started()
    {
        MultiNodeRequirements.Verify();
        int[] holders;
        string work;
        await using (var bed = await MultiNodeBed.StartAsync(2, TimeSpan.FromMinutes(2)))
        {
            work = bed.WorkDir;
            holders = [.. bed.Nodes.Select(n => n.Namespace.HolderPid)];
            var (one, two) = (bed.Nodes[0], bed.Nodes[1]);
            var info = await NodeCommand.RunAsync(two.Namespace.Launcher, "/bin/sh",
                ["-c", $"hostname; ip -o -4 addr show node0; getent hosts {MultiNodeBed.ControlPlaneEndpointName}; findmnt -n -o FSTYPE /etc/kubernetes"], TimeSpan.FromSeconds(20));
            Assert.True(info.ExitCode == 0, info.Error);
            Assert.StartsWith("node-2\n", info.Output, StringComparison.Ordinal);
            Assert.Contains($"inet {MultiNodeBed.AddressOf(2)}/24", info.Output);
            Assert.Contains($"{MultiNodeBed.AddressOf(1)}      {MultiNodeBed.ControlPlaneEndpointName}", info.Output);
            Assert.EndsWith("tmpfs\n", info.Output, StringComparison.Ordinal);

            // node-1's kubelet healthz (in node-1's namespace) answers node-2 over the bridge; the machine's loopback has no such listener bound by the bed.
            using var listener = one.Network.Listen(new IPEndPoint(IPAddress.Any, 18080));
            var accepted = listener.AcceptSocketAsync();
            using var client = new HttpClient(two.Network.HttpHandler()) { Timeout = TimeSpan.FromSeconds(10) };
            _ = client.GetAsync($"http://{one.Address}:18080/");
            using var peer = await accepted.WaitAsync(TimeSpan.FromSeconds(10));
            Assert.Equal(two.Address, ((IPEndPoint)peer.RemoteEndPoint!).Address.ToString());
            using var healthz = await client.GetAsync("http://127.0.0.1:10248/healthz");
            Assert.Equal("ok", await healthz.Content.ReadAsStringAsync());
        }

        Assert.All(holders, pid => Assert.False(Directory.Exists($"/proc/{pid}") && !File.ReadAllText($"/proc/{pid}/stat").Contains(" Z ", StringComparison.Ordinal), $"holder {pid} survived"));
        Assert.False(Directory.Exists(work));
    }

    /// <summary>
    /// The stand-in as kubeadm upgrade meets the kubelet, with the real version-stamped binaries: the image tag picks the
    /// build that runs (the API server's /version says so), mirror Pods carry config.hash (new manifest, new hash),
    /// config.mirror, config.source and the image in spec and status, the Node reports the chosen kubelet version, and a
    /// tag with no build is an image that cannot be pulled (nothing runs, Pending / ImagePullBackOff).
    /// </summary>
    [Trait("Category", "ControlPlane")]
    [MultiNodeFact]
    public async Task Should_RunTheBuildTheImageTagNames_And_PublishMirrorPodsAsTheKubelet_When_AManifestChangesItsImage()
    {
        MultiNodeRequirements.Verify();
        await using var bed = await MultiNodeBed.StartAsync(1, TimeSpan.FromMinutes(6), kubeletVersion: "v1.33.5");
        var node = bed.Nodes[0];
        var init = await node.RunKubeadmAsync("init", "--kubernetes-version", "v1.33.5", HaJoinTests.IgnoredPreflight);
        Assert.True(init.ExitCode == 0, $"init exited {init.ExitCode}\n{init.Error}\n{bed.LogTails()}");

        // v1.33.5 images run the v1.33.5 build; the API server says so on /version.
        Assert.Equal(Path.Combine(K8sTestBinaries.VersionedBinDir("v1.33.5"), "kube-apiserver"), node.Kubelet!.RunningBinaries["kube-apiserver"]);
        Assert.Equal(K8sTestBinaries.EtcdBinary, node.Kubelet.RunningBinaries["etcd"]);
        var version = await node.KubectlAsync("get", "--raw", "/version");
        Assert.Equal("v1.33.5", (string?)JsonNode.Parse(version.Output)?["gitVersion"]);

        JsonNode? apiServer = null;
        Assert.True(await Eventually.HoldsAsync(async () => (apiServer = await node.MirrorPodAsync("kube-apiserver"))?["status"]?["phase"]?.GetValue<string>() == "Running", TimeSpan.FromSeconds(30)),
            $"kube-apiserver mirror Pod not Running: {apiServer}\n{bed.LogTails()}");
        var annotations = apiServer!["metadata"]!["annotations"]!;
        var hash = (string)annotations["kubernetes.io/config.hash"]!;
        Assert.Matches("^[0-9a-f]{32}$", hash);
        Assert.Equal(hash, (string?)annotations["kubernetes.io/config.mirror"]);
        Assert.Equal("file", (string?)annotations["kubernetes.io/config.source"]);
        Assert.Equal("registry.k8s.io/kube-apiserver:v1.33.5", (string?)apiServer["spec"]!["containers"]![0]!["image"]);
        Assert.Equal("registry.k8s.io/kube-apiserver:v1.33.5", (string?)apiServer["status"]!["containerStatuses"]![0]!["image"]);
        var nodeJson = JsonNode.Parse((await node.KubectlAsync("get", "node", node.Name, "-o", "json")).Output)!;
        Assert.Equal("v1.33.5", (string?)nodeJson["status"]!["nodeInfo"]!["kubeletVersion"]);
        Assert.Contains(nodeJson["status"]!["conditions"]!.AsArray(), c => (string?)c!["type"] == "Ready" && (string?)c["status"] == "True");

        // The scheduler's manifest moves to v1.34.2: the v1.34.2 build runs, the mirror Pod gets a new hash and image.
        var schedulerHash = await MirrorHashAsync(node, "kube-scheduler");
        await RetagAsync(node, "kube-scheduler", "v1.33.5", "v1.34.2");
        JsonNode? scheduler = null;
        Assert.True(await Eventually.HoldsAsync(async () =>
            {
                scheduler = await node.MirrorPodAsync("kube-scheduler");
                return (string?)scheduler?["metadata"]?["annotations"]?["kubernetes.io/config.hash"] is { } h && h != schedulerHash
                    && (string?)scheduler["status"]?["phase"] == "Running" && (string?)scheduler["status"]?["containerStatuses"]?[0]?["image"] == "registry.k8s.io/kube-scheduler:v1.34.2";
            }, TimeSpan.FromSeconds(40)), $"kube-scheduler mirror Pod after the v1.34.2 manifest: {scheduler}\n{bed.LogTails()}");
        Assert.Equal(Path.Combine(K8sTestBinaries.VersionedBinDir("v1.34.2"), "kube-scheduler"), node.Kubelet.RunningBinaries["kube-scheduler"]);
        var v134Log = await File.ReadAllTextAsync(Path.Combine(node.Kubelet.LogDir, "kube-scheduler.log"));
        Assert.Contains(Path.Combine(K8sTestBinaries.VersionedBinDir("v1.34.2"), "kube-scheduler"), v134Log);

        // A tag with no build: the image cannot be pulled; nothing runs, the mirror Pod is Pending with ImagePullBackOff.
        schedulerHash = (string)scheduler!["metadata"]!["annotations"]!["kubernetes.io/config.hash"]!;
        await RetagAsync(node, "kube-scheduler", "v1.34.2", "v1.34.1");
        Assert.True(await Eventually.HoldsAsync(async () =>
            {
                scheduler = await node.MirrorPodAsync("kube-scheduler");
                return (string?)scheduler?["metadata"]?["annotations"]?["kubernetes.io/config.hash"] is { } h && h != schedulerHash
                    && (string?)scheduler["status"]?["phase"] == "Pending"
                    && (string?)scheduler["status"]?["containerStatuses"]?[0]?["state"]?["waiting"]?["reason"] == "ImagePullBackOff";
            }, TimeSpan.FromSeconds(40)), $"kube-scheduler mirror Pod after the v1.34.1 manifest: {scheduler}\n{bed.LogTails()}");
        Assert.False(node.Kubelet.Running.ContainsKey("kube-scheduler"));

        // The kubelet "upgraded": the Node reports the new version.
        node.Kubelet.KubeletVersion = "v1.34.2";
        Assert.True(await Eventually.HoldsAsync(async () =>
            (await node.KubectlAsync("get", "node", node.Name, "-o", "jsonpath={.status.nodeInfo.kubeletVersion}")).Output == "v1.34.2", TimeSpan.FromSeconds(20)));
        output.WriteLine(init.Output);
    }

    private static async Task<string?> MirrorHashAsync(BedNode node, string component) =>
        (string?)(await node.MirrorPodAsync(component))?["metadata"]?["annotations"]?["kubernetes.io/config.hash"];

    /// <summary>Rewrites a static pod manifest's image tag in place (new file renamed over the old one, as kubeadm writes manifests).</summary>
    private static async Task RetagAsync(BedNode node, string component, string from, string to)
    {
        var path = node.HostPath($"/etc/kubernetes/manifests/{component}.yaml");
        var manifest = await File.ReadAllTextAsync(path);
        Assert.Contains($"{component}:{from}", manifest);
        await File.WriteAllTextAsync(path + ".new", manifest.Replace($"{component}:{from}", $"{component}:{to}", StringComparison.Ordinal));
        File.Move(path + ".new", path, overwrite: true);
    }
}
