using Kubeadm.App.Reset;
using Kubeadm.Core.Errors;
using Kubeadm.Core.Host;
using Kubeadm.Workflow;

namespace Kubeadm.App.Tests.Reset;

/// <summary>remove-etcd-member over an in-memory etcd (the real etcd runs in Kubeadm.Cli.Tests' EtcdClusterTests).</summary>
public sealed class RemoveEtcdMemberTests
{
    private const string Etcdctl = "ETCDCTL_API=3 etcdctl --endpoints https://10.0.0.2:2379,https://10.0.0.3:2379 --cacert /etc/kubernetes/pki/etcd/ca.crt "
        + "--cert /etc/kubernetes/pki/etcd/healthcheck-client.crt --key /etc/kubernetes/pki/etcd/healthcheck-client.key";

    private static ResetHarness ThreeMemberNode()
    {
        var harness = new ResetHarness().WithInitState();
        harness.Etcd.WithMember("cp-2", "https://10.0.0.2:2380", "https://10.0.0.2:2379").WithMember("cp-3", "https://10.0.0.3:2380", "https://10.0.0.3:2379");
        return harness;
    }

    [Fact]
    public async Task Should_RemoveThisNodesMemberThroughAnotherMemberThenWipe_When_OthersRemain()
    {
        var harness = ThreeMemberNode();

        await harness.RunAsync(new ResetOptions { Force = true }, "remove-etcd-member");

        Assert.Equal(["cp-2", "cp-3"], harness.Etcd.Members.Select(m => m.Name));
        Assert.Contains("MemberRemove https://10.0.0.2:2379 1000", harness.Etcd.Calls);
        Assert.Equal(
            "[reset] Removed etcd member \"cp-1\" (ID 1000) from the etcd cluster; members left: cp-2, cp-3\n"
            + "[reset] Deleted contents of the etcd data directory: /var/lib/etcd\n",
            harness.Out.ToString());
        Assert.DoesNotContain("/var/lib/etcd/member/snap/db", harness.Files);
        Assert.Equal([ResetHarness.LocalClientUrl], Assert.Single(harness.EtcdRequests).Endpoints);
    }

    [Fact]
    public async Task Should_SayExactlyWhatItWouldRemove_When_DryRun()
    {
        var harness = ThreeMemberNode();

        await harness.RunAsync(new ResetOptions { DryRun = true }, "remove-etcd-member");

        Assert.Equal(
            "[reset] Would remove the etcd member on this node from the etcd cluster\n"
            + "[reset] Would remove etcd member \"cp-1\" (ID 1000, peer URL https://10.0.0.1:2380) through https://10.0.0.1:2379,https://10.0.0.2:2379,https://10.0.0.3:2379; members left would be: cp-2, cp-3\n"
            + "[reset] Would delete contents of the etcd data directory: /var/lib/etcd\n",
            harness.Out.ToString());
        Assert.Equal(3, harness.Etcd.Members.Count);
        Assert.DoesNotContain(harness.Etcd.Calls, call => call.StartsWith("MemberRemove", StringComparison.Ordinal));
        Assert.Contains("/var/lib/etcd/member/snap/db", harness.Files);
    }

    [Fact]
    public async Task Should_RefuseAndKeepTheData_When_QuorumIsLostAndNotForced()
    {
        var harness = ThreeMemberNode().Answer("y");
        harness.Etcd.Down.UnionWith(["https://10.0.0.2:2379", "https://10.0.0.3:2379"]);
        harness.Etcd.QuorumLost = true;

        var error = await Assert.ThrowsAsync<PhaseExecutionException>(() => harness.RunAsync(new ResetOptions()));

        var refusal = Assert.IsType<KubeadmUserException>(error.InnerException);
        Assert.StartsWith(
            "[reset] refusing to delete the etcd data directory /var/lib/etcd: the etcd member \"cp-1\" (peer URL https://10.0.0.1:2380) could not be removed "
            + "from the etcd cluster of 3 members (cp-1, cp-2, cp-3): could not remove the etcd member 1000: the etcd cluster has lost quorum: 1 of 3 voting members answer (cp-1)",
            refusal.Message);
        Assert.Contains($"\t{Etcdctl} member remove <ID of \"cp-1\">\n", refusal.Message);
        Assert.Contains("/var/lib/etcd/member/snap/db", harness.Files);
        Assert.Contains("/etc/kubernetes/pki/etcd/ca.crt", harness.Files);
        Assert.Equal(3, harness.Etcd.Members.Count);
    }

    [Fact]
    public async Task Should_WarnAndWipeAsKubeadmDoes_When_EtcdIsUnreachableAndForced()
    {
        var harness = ThreeMemberNode();
        harness.Etcd.Down.Add(ResetHarness.LocalClientUrl);

        await harness.RunAsync(new ResetOptions { Force = true }, "remove-etcd-member");

        Assert.StartsWith(
            "[reset] No kubeadm config, using etcd pod spec to get data directory\n"
            + "[reset] Failed to remove etcd member: could not list the etcd members: etcd is unreachable at https://10.0.0.1:2379 (tried for 0s): ",
            harness.Err.ToString());
        Assert.Contains("please manually remove this etcd member using etcdctl", harness.Err.ToString());
        Assert.Contains("[reset] If other control-plane nodes remain, remove the member \"cp-1\" from one of them:\n"
            + "\tETCDCTL_API=3 etcdctl --endpoints https://127.0.0.1:2379 ", harness.Out.ToString());
        Assert.DoesNotContain("/var/lib/etcd/member/snap/db", harness.Files);
    }

    [Fact]
    public async Task Should_RefuseInTheDryRunToo_When_TheRealRunWouldRefuse()
    {
        var harness = ThreeMemberNode();
        harness.Etcd.Down.Add(ResetHarness.LocalClientUrl);

        var error = await Assert.ThrowsAsync<PhaseExecutionException>(() => harness.RunAsync(new ResetOptions { DryRun = true }, "remove-etcd-member"));

        Assert.StartsWith("dry run: the real reset would stop here: [reset] refusing to delete the etcd data directory /var/lib/etcd", error.InnerException!.Message);
        Assert.Contains("(its members could not be listed, so others may remain)", error.InnerException.Message);
    }

    [Fact]
    public async Task Should_LeaveTheMemberAlone_When_ItIsNotInTheClusterAnymore()
    {
        var harness = new ResetHarness().WithInitState();
        harness.Etcd.WithMember("cp-2", "https://10.0.0.2:2380", ResetHarness.LocalClientUrl);
        harness.FileSystem.WriteAllText("/etc/kubernetes/manifests/etcd.yaml",
            ResetHarness.EtcdManifest.Replace("--initial-advertise-peer-urls=https://10.0.0.1:2380", "--initial-advertise-peer-urls=https://10.0.0.9:2380", StringComparison.Ordinal),
            FileModes.Private);

        await harness.RunAsync(new ResetOptions { Force = true }, "remove-etcd-member");

        Assert.Equal(2, harness.Etcd.Members.Count);
        Assert.Equal("[reset] Deleted contents of the etcd data directory: /var/lib/etcd\n", harness.Out.ToString());
    }
}
