using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace Kubeadm.Cli.Tests.MultiNode;

/// <summary>
/// Stacked-etcd HA built by our kubeadm on a three-node <see cref="MultiNodeBed"/> with the real etcd 3.4 and Kubernetes
/// 1.20 control-plane binaries (docs/testing-multi-node.md): init --upload-certs, two control-plane joins with the
/// printed commands (one interrupted midway and re-run without reset), reset of a joined node and its rejoin, and the
/// loss of the first node.
/// </summary>
[Trait("Category", "RealTools")]
[Trait("Category", "ControlPlane")]
[Trait("Category", "MultiNode")]
public sealed class HaJoinTests(ITestOutputHelper output)
{
    /// <summary>
    /// The preflight checks the bed cannot pass, by name: no container runtime in the nodes (CRI, ImagePull), no kubelet
    /// binary (the stand-in is in-process: KubeletVersion), tools the machine lacks (ethtool, socat) and the machine's
    /// cgroup v1 kernel (SystemVerification). Every other check runs.
    /// </summary>
    internal const string IgnoredPreflight = "--ignore-preflight-errors=CRI,ImagePull,KubeletVersion,FileExisting-ethtool,FileExisting-socat,SystemVerification";

    [MultiNodeFact]
    public async Task Should_RunAStackedEtcdHaCluster_When_ControlPlanesJoinWithThePrintedCommands_AndSurviveResetRejoinAndTheLossOfNode1()
    {
        MultiNodeRequirements.Verify();
        await using var bed = await MultiNodeBed.StartAsync(3, TimeSpan.FromMinutes(14));
        var (node1, node2, node3) = (bed.Nodes[0], bed.Nodes[1], bed.Nodes[2]);
        var clock = Stopwatch.StartNew();

        // --- init --upload-certs on node-1, behind the control-plane endpoint's name ---
        var init = await node1.RunKubeadmAsync("init", "--control-plane-endpoint", MultiNodeBed.ControlPlaneEndpoint, "--upload-certs",
            "--kubernetes-version", "v1.34.2", IgnoredPreflight);
        Report("init node-1", clock.Elapsed, init);
        Assert.True(init.ExitCode == 0, $"kubeadm init exited {init.ExitCode}\n{init.Error}\n{bed.LogTails()}");
        var printed = ControlPlaneJoinCommand(init.Output);
        var certificateKey = printed[^1];

        // --- node-2: the control-plane join command init printed, verbatim ---
        clock.Restart();
        var join2 = await node2.RunKubeadmAsync([.. printed[1..], IgnoredPreflight]);
        var controlPlaneJoinTime = clock.Elapsed;
        Report("control-plane join node-2", controlPlaneJoinTime, join2);
        Assert.True(join2.ExitCode == 0, $"join of node-2 exited {join2.ExitCode}\n{join2.Error}\n{bed.LogTails()}");
        output.WriteLine($"CONTROL-PLANE JOIN WALL TIME: {controlPlaneJoinTime.TotalSeconds:0.0} s");
        ControlPlaneHost.OneCommandInitEndToEndTests.AssertInOrder(join2.Output,
        [
            $"[discovery] Successfully established connection with API Server \"{MultiNodeBed.ControlPlaneEndpoint}\"",
            "[download-certs] Downloading the certificates in Secret \"kubeadm-certs\" in the \"kube-system\" Namespace",
            "[check-etcd] Checking that the etcd cluster is healthy",
            $"[etcd] Adding etcd member as learner: https://{node2.Address}:2380",
            "[etcd] Announced new etcd member joining to the existing etcd cluster",
            "[etcd] Creating static Pod manifest for \"etcd\"",
            "[etcd] The learner was promoted as a voting member",
            "[mark-control-plane] Marking the node node-2 as control-plane",
            "This node has joined the cluster and a new control plane instance was created:",
        ]);
        var etcdManifest = await File.ReadAllTextAsync(node2.HostPath("/etc/kubernetes/manifests/etcd.yaml"));
        Assert.Contains("--initial-cluster-state=existing", etcdManifest);
        // kubeadm lists the members in the order etcd returns them (by member ID, random for an added member).
        var initialCluster = Regex.Match(etcdManifest, @"--initial-cluster=(\S+)").Groups[1].Value;
        Assert.True(initialCluster.Split(',').Order(StringComparer.Ordinal).SequenceEqual([$"node-1=https://{node1.Address}:2380", $"node-2=https://{node2.Address}:2380"]),
            $"--initial-cluster={initialCluster}");

        // --- node-3: what `token create --print-join-command --certificate-key` prints; interrupted once after the
        // learner was added, then the same command again, no reset: it continues ---
        var tokenCreate = await node1.RunKubeadmAsync("token", "create", "--print-join-command", "--certificate-key", certificateKey);
        Assert.True(tokenCreate.ExitCode == 0, tokenCreate.Error);
        output.WriteLine("token create --print-join-command --certificate-key: " + tokenCreate.Output);
        Assert.EndsWith($"--control-plane --certificate-key {certificateKey}", tokenCreate.Output.Trim(), StringComparison.Ordinal);
        string[] join3Command = [.. tokenCreate.Output.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..], IgnoredPreflight];
        var interrupted = await RunInterruptedAfterAsync(node3, join3Command, "/etc/kubernetes/manifests/etcd.yaml");
        Report("node-3 join, interrupted once its etcd manifest was written", null, interrupted);
        Assert.NotEqual(0, interrupted.ExitCode);
        var learners = await MembersAsync(node2);
        Assert.Contains(learners, m => m.PeerUrl == $"https://{node3.Address}:2380");
        clock.Restart();
        var rerun = await node3.RunKubeadmAsync(join3Command);
        Report("node-3 join re-run without reset", clock.Elapsed, rerun);
        Assert.True(rerun.ExitCode == 0, $"re-run of node-3's join exited {rerun.ExitCode}\n{rerun.Error}\n{bed.LogTails()}");
        Assert.Contains("This node holds files of an earlier 'kubeadm join'", rerun.Output);
        Assert.Contains("This node has joined the cluster and a new control plane instance was created:", rerun.Output);

        await AssertHealthyHaAsync(bed, 3);

        // --- reset of node-3 removes its member and leaves a healthy two-member etcd; node-3 then rejoins ---
        var reset = await node3.RunKubeadmAsync("reset", "-f");
        Report("reset node-3", null, reset);
        Assert.True(reset.ExitCode == 0, $"reset exited {reset.ExitCode}\n{reset.Error}");
        var afterReset = await MembersAsync(node1);
        Assert.Equal(["node-1", "node-2"], afterReset.Select(m => m.Name).Order(StringComparer.Ordinal));
        Assert.All(afterReset, m => Assert.False(m.IsLearner));
        await AssertEtcdHealthyAsync(node1, 2);
        Assert.Empty(Directory.GetFileSystemEntries(node3.HostPath("/var/lib/etcd")));
        for (var i = 0; i < 20 && node3.Kubelet!.Running.Count > 0; i++)
        {
            await Task.Delay(250); // the stand-in sees the removed manifests within 500 ms
        }

        Assert.Empty(node3.Kubelet!.Running);
        var written = await node1.KubectlAsync("create", "configmap", "after-reset", "-n", "default", "--from-literal=k=v");
        Assert.True(written.ExitCode == 0, written.Error);

        // The documented removal ends with deleting the Node: its kubelet (stopped by reset) reported Ready until a moment
        // ago, and join refuses a name whose Node is still Ready.
        var deletedNode = await node1.KubectlAsync("delete", "node", node3.Name);
        Assert.True(deletedNode.ExitCode == 0, deletedNode.Error);

        clock.Restart();
        var rejoin = await node3.RunKubeadmAsync(join3Command);
        Report("node-3 rejoin after reset", clock.Elapsed, rejoin);
        Assert.True(rejoin.ExitCode == 0, $"rejoin of node-3 exited {rejoin.ExitCode}\n{rejoin.Error}\n{bed.LogTails()}");
        await AssertHealthyHaAsync(bed, 3);

        // --- node-1 dies: the cluster still writes and reads through node-2's API server (quorum 2 of 3) ---
        await node1.KillAsync();
        var server2 = $"--server=https://{node2.Address}:6443";
        CliRun write = new(-1, "", "not tried");
        for (var attempt = 0; attempt < 20 && write.ExitCode != 0; attempt++)
        {
            // The first writes may land while etcd elects a new leader (node-1 may have led).
            write = await node2.KubectlAsync(server2, "create", "configmap", "after-node-1-died", "-n", "default", "--from-literal=quorum=2-of-3");
            if (write.ExitCode != 0)
            {
                await Task.Delay(1000);
            }
        }

        Assert.True(write.ExitCode == 0, $"write through node-2 after node-1 died: {write.Error}\n{bed.LogTails()}");
        var read = await node2.KubectlAsync(server2, "get", "configmap", "after-node-1-died", "-n", "default", "-o", "jsonpath={.data.quorum}");
        Assert.Equal("2-of-3", read.Output);
        var read3 = await node3.KubectlAsync($"--server=https://{node3.Address}:6443", "get", "configmap", "after-reset", "-n", "default", "-o", "jsonpath={.data.k}");
        Assert.Equal("v", read3.Output);
        var health = await node2.EtcdctlAsync($"--endpoints=https://{node2.Address}:2379,https://{node3.Address}:2379", "endpoint", "health");
        Assert.True(health.ExitCode == 0, health.Output + health.Error);
    }

    /// <summary>The control-plane join command init printed (with --control-plane --certificate-key), as argv.</summary>
    internal static string[] ControlPlaneJoinCommand(string initOutput)
    {
        var match = Regex.Match(initOutput, @"kubeadm join \S+ --token [^\n]*\\\s*\n\s*--discovery-token-ca-cert-hash \S+ \\\s*\n\s*--control-plane --certificate-key [0-9a-f]{64}");
        Assert.True(match.Success, "no control-plane join command in:\n" + initOutput);
        return match.Value.Replace("\\", " ", StringComparison.Ordinal).Split([' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>
    /// Three (or <paramref name="count"/>) started voting etcd members, every API server answering, every node labelled
    /// and tainted as a control plane, kubectl working through each node's own API server.
    /// </summary>
    private async Task AssertHealthyHaAsync(MultiNodeBed bed, int count)
    {
        var members = await MembersAsync(bed.Nodes[0]);
        output.WriteLine("etcd members: " + string.Join(", ", members.Select(m => $"{m.Name} {m.PeerUrl} learner={m.IsLearner} started={m.Started}")));
        Assert.Equal(bed.Nodes.Take(count).Select(n => n.Name).Order(StringComparer.Ordinal), members.Select(m => m.Name).Order(StringComparer.Ordinal));
        Assert.All(members, m => Assert.True(m.Started && !m.IsLearner, $"{m.Name} is not a started voting member"));
        await AssertEtcdHealthyAsync(bed.Nodes[0], count);
        foreach (var node in bed.Nodes.Take(count))
        {
            var server = $"--server=https://{node.Address}:6443";
            var readyz = await node.KubectlAsync(server, "get", "--raw", "/readyz");
            Assert.True(readyz is { ExitCode: 0, Output: "ok" }, $"{node.Name}'s API server: {readyz.Output}{readyz.Error}");
            var json = await node.KubectlAsync(server, "get", "node", node.Name, "-o", "json");
            Assert.True(json.ExitCode == 0, json.Error);
            var nodeObject = JsonNode.Parse(json.Output)!;
            Assert.NotNull(nodeObject["metadata"]!["labels"]!["node-role.kubernetes.io/control-plane"]);
            Assert.NotNull(nodeObject["metadata"]!["labels"]!["node.kubernetes.io/exclude-from-external-load-balancers"]);
            Assert.Contains(nodeObject["spec"]!["taints"]!.AsArray(), t => (string?)t!["key"] == "node-role.kubernetes.io/control-plane" && (string?)t["effect"] == "NoSchedule");
            var nodes = await node.KubectlAsync(server, "get", "nodes", "-o", "name");
            Assert.True(nodes.ExitCode == 0, nodes.Error);
            Assert.All(bed.Nodes.Take(count), other => Assert.Contains("node/" + other.Name, nodes.Output));
        }
    }

    private static async Task AssertEtcdHealthyAsync(BedNode node, int count)
    {
        var health = await node.EtcdctlAsync("endpoint", "health", "--cluster");
        Assert.True(health.ExitCode == 0, health.Output + health.Error);
        Assert.Equal(count, Regex.Count(health.Output + health.Error, "is healthy"));
    }

    private static async Task<List<EtcdMember>> MembersAsync(BedNode node)
    {
        var list = await node.EtcdctlAsync("member", "list", "-w", "json");
        Assert.True(list.ExitCode == 0, list.Output + list.Error);
        return [.. JsonNode.Parse(list.Output)!["members"]!.AsArray().Select(m => new EtcdMember(
            (string?)m!["name"] ?? "",
            (string)m["peerURLs"]![0]!,
            m["isLearner"]?.GetValue<bool>() ?? false,
            ((string?)m["name"])?.Length > 0 && m["clientURLs"]?.AsArray().Count > 0))];
    }

    /// <summary>Runs kubeadm in the node and kills it (by pid, as a crash or ^C would) once <paramref name="nodeFile"/> exists.</summary>
    private static async Task<CliRun> RunInterruptedAfterAsync(BedNode node, string[] args, string nodeFile)
    {
        var run = node.RunKubeadmAsync(args);
        for (var i = 0; i < 600 && !run.IsCompleted && !File.Exists(node.HostPath(nodeFile)); i++)
        {
            await Task.Delay(100);
        }

        node.KillKubeadm();
        return await run;
    }

    private void Report(string what, TimeSpan? took, CliRun run) =>
        output.WriteLine($"=== {what}{(took is { } t ? $": {t.TotalSeconds:0.0} s" : "")}, exit {run.ExitCode}\n{run.Output}\n--- stderr\n{run.Error}");

    private sealed record EtcdMember(string Name, string PeerUrl, bool IsLearner, bool Started);
}
