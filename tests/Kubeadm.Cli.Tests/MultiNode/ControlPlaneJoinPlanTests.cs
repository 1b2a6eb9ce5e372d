using Kubeadm.App.Plan;
using Kubeadm.Cli.Tests.ControlPlaneHost;
using Kubeadm.Core.Plan;
using Xunit.Abstractions;

namespace Kubeadm.Cli.Tests.MultiNode;

/// <summary>
/// `kubeadm join --control-plane --plan` against the whole real control-plane join that follows it, on a two-node
/// <see cref="MultiNodeBed"/> (real etcd 3.4, Kubernetes 1.20 control-plane binaries, the kubelet stand-in): on the
/// fresh node the plan lists every file to create and the etcd member to add, and changes nothing (no file, no
/// member); the real join then writes exactly those files and adds that member; planned again, everything is
/// unchanged (exit 0), and the re-run agrees.
/// </summary>
[Trait("Category", "RealTools")]
[Trait("Category", "ControlPlane")]
[Trait("Category", "MultiNode")]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class ControlPlaneJoinPlanTests(ITestOutputHelper output)
{
    [MultiNodeFact]
    public async Task Should_AgreeWithTheRealControlPlaneJoin_When_TheNodeIsFresh_And_WhenItHasJoined()
    {
        MultiNodeRequirements.Verify();
        await using var bed = await MultiNodeBed.StartAsync(2, TimeSpan.FromMinutes(10));
        var (node1, node2) = (bed.Nodes[0], bed.Nodes[1]);
        var init = await node1.RunKubeadmAsync("init", "--control-plane-endpoint", MultiNodeBed.ControlPlaneEndpoint, "--upload-certs",
            "--kubernetes-version", "v1.34.2", HaJoinTests.IgnoredPreflight);
        Assert.True(init.ExitCode == 0, $"kubeadm init exited {init.ExitCode}\n{init.Error}\n{bed.LogTails()}");
        string[] join = [.. HaJoinTests.ControlPlaneJoinCommand(init.Output)[1..], HaJoinTests.IgnoredPreflight];
        var rootfs = node2.HostPath("");
        var member = $"member node-2 https://{node2.Address}:2380";

        // --- Fresh node: everything to create, the member to add; nothing changed. ---
        var membersBefore = await MembersAsync(node1);
        var fresh = await PlanAsync(node2, rootfs, join);
        Assert.Equal(0, fresh.ExitCode);
        Assert.All(fresh.Plan.Items.Where(i => i.Kind == "file"), item => Assert.Equal(PlanAction.Create, item.Action));
        Assert.Equal(PlanAction.Create, Item(fresh.Plan, member).Action);
        Assert.Equal(PlanAction.Create, Item(fresh.Plan, "/etc/kubernetes/manifests/etcd.yaml").Action);
        Assert.Equal(PlanAction.Create, Item(fresh.Plan, "nodes node-2").Action);
        Assert.Equal(membersBefore, await MembersAsync(node1));

        // --- The real join: the files the plan listed, both ways; the member it said. ---
        var before = PlanFileSnapshot.Take(rootfs);
        var run = await node2.RunKubeadmAsync(join);
        output.WriteLine($"join: exit {run.ExitCode}\n{run.Output}\n{run.Error}");
        Assert.True(run.ExitCode == 0, $"join exited {run.ExitCode}\n{run.Error}\n{bed.LogTails()}");
        PlanFileSnapshot.AssertAgree(fresh.Plan, before, PlanFileSnapshot.Take(rootfs), _ => true);
        Assert.Contains($"node-2=https://{node2.Address}:2380", await MembersAsync(node1), StringComparison.Ordinal);
        var node = await node1.KubectlAsync("get", "node", "node-2", "-o", "name");
        Assert.True(node.ExitCode == 0, node.Error);

        // --- Joined node: all unchanged, exit 0; the re-run changes no file. ---
        var joined = await PlanAsync(node2, rootfs, join);
        output.WriteLine(NodePlanText.Render(joined.Plan));
        Assert.Equal(0, joined.ExitCode);
        Assert.All(joined.Plan.Items, item => Assert.Equal(PlanAction.Unchanged, item.Action));
        Assert.Equal(PlanAction.Unchanged, Item(joined.Plan, member).Action);
        before = PlanFileSnapshot.Take(rootfs);
        var again = await node2.RunKubeadmAsync(join);
        Assert.True(again.ExitCode == 0, $"re-run exited {again.ExitCode}\n{again.Error}\n{bed.LogTails()}");
        PlanFileSnapshot.AssertAgree(joined.Plan, before, PlanFileSnapshot.Take(rootfs), _ => true);
    }

    private static PlannedItem Item(NodePlan plan, string name) =>
        plan.Items.SingleOrDefault(i => i.Name == name) ?? throw new Xunit.Sdk.XunitException($"the plan does not list {name}:\n{NodePlanText.Render(plan)}");

    /// <summary>etcd's members as `etcdctl member list` prints them (name=peer URL), from node 1.</summary>
    private static async Task<string> MembersAsync(BedNode node)
    {
        var list = await node.EtcdctlAsync("member", "list", "-w", "simple");
        Assert.True(list.ExitCode == 0, list.Output + list.Error);
        return string.Join('\n', list.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(", "))
            .Where(fields => fields.Length >= 4)
            .Select(fields => $"{fields[2]}={fields[3]}{(fields.Length > 5 && fields[5].Trim() == "true" ? " (learner)" : "")}")
            .Order(StringComparer.Ordinal));
    }

    /// <summary>`join --plan -o json` in the node, checking it wrote nothing there.</summary>
    private async Task<(int ExitCode, NodePlan Plan)> PlanAsync(BedNode node, string rootfs, string[] join)
    {
        var files = PlanFileSnapshot.Take(rootfs);
        var run = await node.RunKubeadmAsync([.. join, "--plan", "-o", "json"]);
        output.WriteLine($"join --plan exit {run.ExitCode}\n{run.Output}\n--- stderr\n{run.Error}");
        Assert.True(run.ExitCode is 0 or 2, $"join --plan exited {run.ExitCode}:\n{run.Error}");
        var plan = NodePlanJson.Parse(run.Output) ?? throw new Xunit.Sdk.XunitException("the plan was JSON null");
        Assert.Equal(files, PlanFileSnapshot.Take(rootfs));
        return (run.ExitCode, plan);
    }
}
