using System.Diagnostics;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Kubeadm.Cli.Tests.ControlPlaneHost;
using Xunit.Abstractions;

namespace Kubeadm.Cli.Tests.MultiNode;

/// <summary>
/// `kubeadm upgrade` on the multi-node bed (docs/testing-multi-node.md) with real components: etcd 3.4 and the
/// control-plane binaries built twice from the same source, stamped v1.33.5 and v1.34.2
/// (scripts/k8s-versioned-binaries.sh). The kubelet stand-in runs the build an image's tag names, so a manifest moved to
/// v1.34.2 really runs a v1.34.2-reporting API server, and a tag with no build never comes up (the rollback case).
/// </summary>
[Trait("Category", "RealTools")]
[Trait("Category", "ControlPlane")]
[Trait("Category", "MultiNode")]
public sealed class UpgradeEndToEndTests(ITestOutputHelper output)
{
    private const string From = "v1.33.5";
    private const string To = "v1.34.2";

    /// <summary>A v1.34 tag no build exists for: its images cannot be "pulled" by the stand-in.</summary>
    private const string Unpullable = "v1.34.1";

    /// <summary>
    /// The bed's preflight names (<see cref="HaJoinTests.IgnoredPreflight"/>) plus CreateJob: upgrade's health check runs
    /// a Job's Pod on a control-plane node, and the stand-in runs static pods only (no container runtime), so the Job
    /// never completes here. Every other upgrade check runs (ControlPlaneNodesReady, StaticPodManifest, version skew).
    /// </summary>
    private const string IgnoredPreflight = HaJoinTests.IgnoredPreflight + ",CreateJob";

    private static readonly string[] Components = ["kube-apiserver", "kube-controller-manager", "kube-scheduler"];

    [MultiNodeFact]
    public async Task Should_MoveTheControlPlaneNodeByNodeToTheTarget_When_PlanDiffApplyAndNodeRun_WhileTheClusterKeepsAnswering()
    {
        MultiNodeRequirements.Verify();
        await using var bed = await MultiNodeBed.StartAsync(3, TimeSpan.FromMinutes(16), kubeletVersion: From);
        var (node1, node2, node3) = (bed.Nodes[0], bed.Nodes[1], bed.Nodes[2]);
        var clock = Stopwatch.StartNew();

        // --- a v1.33.5 cluster: init on node-1, a second control plane (node-2) and a worker (node-3) ---
        var init = await node1.RunKubeadmAsync("init", "--control-plane-endpoint", MultiNodeBed.ControlPlaneEndpoint, "--upload-certs",
            "--kubernetes-version", From, HaJoinTests.IgnoredPreflight);
        Report("init node-1 at " + From, clock.Elapsed, init);
        Assert.True(init.ExitCode == 0, $"init exited {init.ExitCode}\n{init.Error}\n{bed.LogTails()}");
        var joinControlPlane = HaJoinTests.ControlPlaneJoinCommand(init.Output);
        var join2 = await node2.RunKubeadmAsync([.. joinControlPlane[1..], HaJoinTests.IgnoredPreflight]);
        Report("control-plane join node-2", null, join2);
        Assert.True(join2.ExitCode == 0, $"join of node-2 exited {join2.ExitCode}\n{join2.Error}\n{bed.LogTails()}");
        string[] joinWorker = [.. joinControlPlane[1..^3], HaJoinTests.IgnoredPreflight]; // without --control-plane --certificate-key <key>
        var join3 = await node3.RunKubeadmAsync(joinWorker);
        Report("worker join node-3", null, join3);
        Assert.True(join3.ExitCode == 0, $"join of node-3 exited {join3.ExitCode}\n{join3.Error}\n{bed.LogTails()}");
        await AssertControlPlaneAtAsync(node1, From);
        await AssertControlPlaneAtAsync(node2, From);
        Assert.Empty(node3.Kubelet!.Running); // a worker: no static pods
        Assert.True(await Eventually.HoldsAsync(async () => (await node1.KubectlAsync("get", "nodes", "-o", "jsonpath={.items[*].status.nodeInfo.kubeletVersion}")).Output == $"{From} {From} {From}", TimeSpan.FromSeconds(30)),
            "the Nodes do not all report kubelet " + From);

        // --- upgrade plan: the target is our kubeadm's own version ---
        var plan = await node1.RunKubeadmAsync("upgrade", "plan", IgnoredPreflight);
        Report("upgrade plan", null, plan);
        Assert.True(plan.ExitCode == 0, $"upgrade plan exited {plan.ExitCode}\n{plan.Error}");
        Assert.Matches(new Regex($@"kube-apiserver\s+node-1\s+{Regex.Escape(From)}\s+{Regex.Escape(To)}"), plan.Output);
        Assert.Matches(new Regex($@"kube-apiserver\s+node-2\s+{Regex.Escape(From)}\s+{Regex.Escape(To)}"), plan.Output);
        Assert.Contains($"kubeadm upgrade apply {To}", plan.Output);

        // --- upgrade diff: the manifests' changes, images first of all ---
        var diff = await node1.RunKubeadmAsync("upgrade", "diff", To);
        Report("upgrade diff " + To, null, diff);
        Assert.True(diff.ExitCode == 0, $"upgrade diff exited {diff.ExitCode}\n{diff.Error}");
        foreach (var component in Components)
        {
            Assert.Contains($"-    image: registry.k8s.io/{component}:{From}", diff.Output);
            Assert.Contains($"+    image: registry.k8s.io/{component}:{To}", diff.Output);
        }

        Assert.Equal(From, await ManifestTagAsync(node1, "kube-apiserver")); // diff changes nothing

        // --- upgrade apply on node-1, kubectl polled meanwhile through node-1 (the endpoint) and through node-2 ---
        var certificatesBefore = NotAfter(node1, "apiserver.crt", "front-proxy-client.crt", "apiserver-kubelet-client.crt");
        await using (var poll = new KubectlPoll(node1, node2))
        {
            clock.Restart();
            var apply = await node1.RunKubeadmAsync(TimeSpan.FromMinutes(8), "upgrade", "apply", To, "--yes", IgnoredPreflight);
            var applyTime = clock.Elapsed;
            Report("upgrade apply " + To, applyTime, apply);
            output.WriteLine($"UPGRADE APPLY WALL TIME: {applyTime.TotalSeconds:0.0} s");
            Assert.True(apply.ExitCode == 0, $"upgrade apply exited {apply.ExitCode}\n{apply.Error}\n{bed.LogTails()}");
            Assert.Contains($"[upgrade] SUCCESS! A control plane node of your cluster was upgraded to \"{To}\".", apply.Output);
            await Task.Delay(TimeSpan.FromSeconds(3)); // a few polls after the apply
            output.WriteLine(poll.Summary());
            poll.AssertAnsweredThroughout(TimeSpan.FromSeconds(90));
        }

        await AssertControlPlaneAtAsync(node1, To);
        await AssertControlPlaneAtAsync(node2, From); // not yet: upgrade node moves it

        // The hidden kubeconfig phase (ControlPlaneKubeletLocalMode, on by default): init wrote node-1's kubelet.conf for
        // the control-plane endpoint; the upgrade points it at node-1's own API server (the stand-in kubelet follows it).
        Assert.Contains($"server: https://{node1.Address}:6443\n", await File.ReadAllTextAsync(node1.HostPath("/etc/kubernetes/kubelet.conf")));
        var certificatesAfter = NotAfter(node1, "apiserver.crt", "front-proxy-client.crt", "apiserver-kubelet-client.crt");
        foreach (var (file, before) in certificatesBefore)
        {
            Assert.True(certificatesAfter[file] > before, $"{file} was not renewed: notAfter {before:O} → {certificatesAfter[file]:O}");
        }

        var clusterConfiguration = await node1.KubectlAsync("get", "configmap", "kubeadm-config", "-n", "kube-system", "-o", "jsonpath={.data.ClusterConfiguration}");
        Assert.Matches(new Regex($@"(?m)^kubernetesVersion: {Regex.Escape(To)}$"), clusterConfiguration.Output);

        // --- upgrade node on node-2 (a control plane) and on node-3 (a worker), then their kubelets "upgraded" ---
        clock.Restart();
        var upgradeNode2 = await node2.RunKubeadmAsync(TimeSpan.FromMinutes(8), "upgrade", "node", IgnoredPreflight);
        Report("upgrade node on node-2", clock.Elapsed, upgradeNode2);
        Assert.True(upgradeNode2.ExitCode == 0, $"upgrade node on node-2 exited {upgradeNode2.ExitCode}\n{upgradeNode2.Error}\n{bed.LogTails()}");
        await AssertControlPlaneAtAsync(node2, To);
        foreach (var node in bed.Nodes)
        {
            node.Kubelet!.KubeletVersion = To; // what upgrading the kubelet package and restarting it does
        }

        Assert.True(await Eventually.HoldsAsync(async () => (await node2.KubectlAsync("get", "nodes", "-o", "jsonpath={.items[*].status.nodeInfo.kubeletVersion}")).Output == $"{To} {To} {To}", TimeSpan.FromSeconds(30)),
            "the Nodes do not all report kubelet " + To);
        var written = await node1.KubectlAsync("create", "configmap", "after-upgrade", "-n", "default", "--from-literal=k=v");
        Assert.True(written.ExitCode == 0, written.Error);
        var health = await node1.EtcdctlAsync("endpoint", "health", "--cluster");
        Assert.True(health.ExitCode == 0, health.Output + health.Error);

        // The worker last: `upgrade node` with its kubelet.conf (system:node:node-3) reads the cluster's component configs,
        // the kube-proxy ConfigMap among them, as kubeadm does. The node authorizer lets a node read a ConfigMap only
        // when a Pod bound to it uses it; in a real cluster that is the kube-proxy DaemonSet's Pod. The stand-in runs no
        // DaemonSet Pods, so the test binds one as the DaemonSet would (same ConfigMap volume; it never runs).
        var proxyPod = await node1.KubectlAsync("run", $"kube-proxy-{node3.Name}", "-n", "kube-system", "--image=registry.k8s.io/kube-proxy:" + To,
            "--restart=Never", "--labels=k8s-app=kube-proxy",
            "--overrides={\"apiVersion\":\"v1\",\"spec\":{\"nodeName\":\"" + node3.Name + "\",\"volumes\":[{\"name\":\"kube-proxy\",\"configMap\":{\"name\":\"kube-proxy\"}}]}}");
        Assert.True(proxyPod.ExitCode == 0, proxyPod.Error);
        var upgradeNode3 = await node3.RunKubeadmAsync("upgrade", "node", IgnoredPreflight);
        Report("upgrade node on node-3", null, upgradeNode3);
        Assert.True(upgradeNode3.ExitCode == 0, $"upgrade node on node-3 exited {upgradeNode3.ExitCode}\n{upgradeNode3.Error}");
        Assert.Empty(node3.Kubelet!.Running);
    }

    /// <summary>
    /// A target whose images have no build here (<see cref="Unpullable"/>): the new API server never comes up, apply gives
    /// up after the configured upgradeManifests timeout and puts the old manifest back; the old version runs again.
    /// </summary>
    [MultiNodeFact]
    public async Task Should_RollBackTheManifest_When_TheUpgradedComponentNeverComesBack()
    {
        MultiNodeRequirements.Verify();
        await using var bed = await MultiNodeBed.StartAsync(1, TimeSpan.FromMinutes(10), kubeletVersion: From);
        var node = bed.Nodes[0];
        var init = await node.RunKubeadmAsync("init", "--kubernetes-version", From, HaJoinTests.IgnoredPreflight);
        Assert.True(init.ExitCode == 0, $"init exited {init.ExitCode}\n{init.Error}\n{bed.LogTails()}");
        await AssertControlPlaneAtAsync(node, From);
        var before = await File.ReadAllTextAsync(node.HostPath("/etc/kubernetes/manifests/kube-apiserver.yaml"));

        // Everything in the UpgradeConfiguration (kubeadm does not mix --config with most flags): the target, --yes, the
        // bed's preflight names, no etcd upgrade (the failing component is the API server) and a short wait.
        var config = Path.Combine(bed.WorkDir, "upgrade.yaml");
        await File.WriteAllTextAsync(config, $"""
            apiVersion: kubeadm.k8s.io/v1beta4
            kind: UpgradeConfiguration
            apply:
              kubernetesVersion: {Unpullable}
              forceUpgrade: true
              etcdUpgrade: false
              ignorePreflightErrors: [{IgnoredPreflight["--ignore-preflight-errors=".Length..]}]
            timeouts:
              upgradeManifests: 40s
            """);
        var clock = Stopwatch.StartNew();
        var apply = await node.RunKubeadmAsync(TimeSpan.FromMinutes(5), "upgrade", "apply", "--config", config);
        Report($"upgrade apply {Unpullable} (no build: never comes up)", clock.Elapsed, apply);
        Assert.NotEqual(0, apply.ExitCode);
        Assert.Contains("kube-apiserver", apply.Output + apply.Error);

        // The manifest is the old one again, the old build runs and answers, the backup is kept.
        Assert.Equal(before, await File.ReadAllTextAsync(node.HostPath("/etc/kubernetes/manifests/kube-apiserver.yaml")));
        Assert.True(await Eventually.HoldsAsync(async () => await ApiServerVersionAsync(node) == From, TimeSpan.FromSeconds(60)),
            $"the {From} API server did not come back after the rollback\n{bed.LogTails()}");
        Assert.Equal(Path.Combine(K8sTestBinaries.VersionedBinDir(From), "kube-apiserver"), node.Kubelet!.RunningBinaries["kube-apiserver"]);
        var backups = Directory.GetFiles(node.HostPath("/etc/kubernetes/tmp"), "kube-apiserver.yaml", SearchOption.AllDirectories);
        output.WriteLine("backups: " + string.Join(", ", backups));
        Assert.Contains(backups, b => File.ReadAllText(b) == before);
        var clusterConfiguration = await node.KubectlAsync("get", "configmap", "kubeadm-config", "-n", "kube-system", "-o", "jsonpath={.data.ClusterConfiguration}");
        Assert.Matches(new Regex($@"(?m)^kubernetesVersion: {Regex.Escape(From)}$"), clusterConfiguration.Output); // not uploaded: the apply failed
    }

    /// <summary>The node's control plane runs <paramref name="version"/>: manifests, the binaries running, mirror Pods, its API server's /version.</summary>
    private async Task AssertControlPlaneAtAsync(BedNode node, string version)
    {
        foreach (var component in Components)
        {
            Assert.Equal(version, await ManifestTagAsync(node, component));
            JsonNode? mirror = null;
            Assert.True(await Eventually.HoldsAsync(async () =>
                {
                    mirror = await node.MirrorPodAsync(component, $"--server=https://{node.Address}:6443");
                    return (string?)mirror?["status"]?["phase"] == "Running"
                        && (string?)mirror["status"]?["containerStatuses"]?[0]?["image"] == $"registry.k8s.io/{component}:{version}";
                }, TimeSpan.FromSeconds(60)), $"{component} on {node.Name} is not running {version}: {mirror}\n{node.LogTails()}");
            Assert.Equal(Path.Combine(K8sTestBinaries.VersionedBinDir(version), component), node.Kubelet!.RunningBinaries[component]);
        }

        Assert.Equal(version, await ApiServerVersionAsync(node));
        output.WriteLine($"{node.Name}: control plane at {version}");
    }

    private static async Task<string?> ApiServerVersionAsync(BedNode node)
    {
        var raw = await node.KubectlAsync($"--server=https://{node.Address}:6443", "get", "--raw", "/version");
        return raw.ExitCode == 0 ? (string?)JsonNode.Parse(raw.Output)?["gitVersion"] : null;
    }

    private static async Task<string?> ManifestTagAsync(BedNode node, string component)
    {
        var manifest = await File.ReadAllTextAsync(node.HostPath($"/etc/kubernetes/manifests/{component}.yaml"));
        return Regex.Match(manifest, $@"image: \S+/{component}:(\S+)").Groups[1].Value;
    }

    private static Dictionary<string, DateTime> NotAfter(BedNode node, params string[] files) =>
        files.ToDictionary(f => f, f => X509Certificate2.CreateFromPem(File.ReadAllText(node.HostPath("/etc/kubernetes/pki/" + f))).NotAfter.ToUniversalTime());

    private void Report(string what, TimeSpan? took, CliRun run) =>
        output.WriteLine($"=== {what}{(took is { } t ? $": {t.TotalSeconds:0.0} s" : "")}, exit {run.ExitCode}\n{run.Output}\n--- stderr\n{run.Error}");
}
