using k8s.Models;
using Kubeadm.App.EtcdApi;
using Kubeadm.App.Host;
using Kubeadm.Core.ClusterApi;
using Kubeadm.Core.ControlPlane;
using Kubeadm.Core.EtcdApi;

namespace Kubeadm.Cli.Tests.RealEtcd;

/// <summary>
/// Our etcd client and reset's remove-etcd-member phase against a real 3-member etcd 3.4 cluster over mutual TLS with
/// our certificates (Debian's etcd-server; 127.0.0.1 on free ports only).
/// </summary>
[Trait("Category", "RealTools")]
public sealed class EtcdClusterTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Should_ListAddAsLearnerPromoteAndRemove_When_TalkingToARealThreeMemberCluster()
    {
        using var cluster = await EtcdTestCluster.StartAsync(3);
        var (n1, n2) = (cluster.Nodes[0], cluster.Nodes[1]);
        var progress = new List<string>();
        using var etcd = EtcdTestCluster.ClientOn(n1, [n1.ClientUrl], Generous, progress.Add);

        await etcd.SyncAsync(CancellationToken.None);
        Assert.Equal(cluster.Nodes.Select(n => n.ClientUrl).Order(), etcd.Endpoints.Order());
        var members = await etcd.ListMembersAsync(CancellationToken.None);
        Assert.Equal(["n1", "n2", "n3"], members.Select(m => m.Name).Order());
        Assert.All(members, m => Assert.False(m.IsLearner));
        var status = await etcd.StatusAsync(n2.ClientUrl, CancellationToken.None);
        Assert.StartsWith("3.4.", status.Version);
        Assert.Equal(members.Single(m => m.Name == "n2").Id, status.MemberId);
        Assert.NotEqual(0UL, status.LeaderId);
        await etcd.CheckClusterHealthAsync(CancellationToken.None);

        // kubeadm's NewFromCluster: the endpoint from the etcd Pod's annotation, then every member's through a sync.
        var api = new InMemoryClusterApi();
        api.Seed(new V1Pod
        {
            Metadata = new V1ObjectMeta
            {
                Name = "etcd-n2",
                NamespaceProperty = "kube-system",
                Labels = new Dictionary<string, string> { ["component"] = "etcd", ["tier"] = "control-plane" },
                Annotations = new Dictionary<string, string> { [EtcdPodBuilder.AdvertiseClientUrlsAnnotation] = n2.ClientUrl },
            },
        });
        using (var fromCluster = await new EtcdClusterFactory(new PhysicalFileSystem(n2.Rootfs), TimeProvider.System)
            .FromClusterAsync(api, "/etc/kubernetes/pki", Generous, TimeSpan.FromSeconds(5), CancellationToken.None))
        {
            Assert.Equal(cluster.Nodes.Select(n => n.ClientUrl).Order(), fromCluster.Endpoints.Order());
        }

        // join's etcd steps: add as learner, write the manifest with every member, start it, promote, wait.
        var n4 = cluster.NewNode("n4");
        var withLearner = await etcd.AddMemberAsLearnerAsync("n4", n4.PeerUrl, CancellationToken.None);
        var learner = Assert.Single(withLearner, m => m.HasPeerUrl(n4.PeerUrl));
        Assert.True(learner.IsLearner);
        Assert.Equal("n4", learner.Name);
        Assert.Equal(4, (await etcd.AddMemberAsLearnerAsync("n4", n4.PeerUrl, CancellationToken.None)).Count);
        await cluster.PrepareAsync(n4, string.Join(",", withLearner.Select(m => $"{m.Name}={m.PeerUrls[0]}")), "existing");
        cluster.Start(n4);
        Assert.Equal(learner.Id, await etcd.GetMemberIdAsync(n4.PeerUrl, CancellationToken.None));
        await etcd.PromoteMemberAsync(learner.Id, CancellationToken.None);
        await etcd.WaitForClusterAvailableAsync(8, TimeSpan.FromSeconds(5), CancellationToken.None);
        Assert.Equal(
            $"n1,{cluster.Nodes[0].PeerUrl},false\nn2,{n2.PeerUrl},false\nn3,{cluster.Nodes[2].PeerUrl},false\nn4,{n4.PeerUrl},false",
            await EtcdTestCluster.EtcdctlMemberListAsync(n4));
        await etcd.PromoteMemberAsync(learner.Id, CancellationToken.None);

        var left = await etcd.RemoveMemberAsync(learner.Id, CancellationToken.None);
        Assert.Equal(["n1", "n2", "n3"], left.Select(m => m.Name).Order());
        Assert.Equal(3, (await etcd.RemoveMemberAsync(learner.Id, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task Should_RemoveTheLocalMemberAndWipeItsData_When_ResetRunsOnOneOfThreeMembers()
    {
        using var cluster = await EtcdTestCluster.StartAsync(3);
        var (n1, n2, n3) = (cluster.Nodes[0], cluster.Nodes[1], cluster.Nodes[2]);

        var dryRun = await EtcdTestCluster.RunKubeadmAsync("reset", "--dry-run", "--rootfs", n3.Rootfs, "--skip-phases", "cleanup-node");
        Assert.True(dryRun.ExitCode == 0, dryRun.Error);
        Assert.Contains("[reset] Would remove the etcd member on this node from the etcd cluster\n", dryRun.Output);
        Assert.Matches(@"\[reset\] Would remove etcd member ""n3"" \(ID [0-9a-f]+, peer URL https://127\.0\.0\.1:\d+\) through .*; members left would be: n[12], n[12]\n", dryRun.Output);
        Assert.Contains("[reset] Would delete contents of the etcd data directory: /var/lib/etcd\n", dryRun.Output);
        Assert.Equal(3, (await EtcdTestCluster.EtcdctlMemberListAsync(n1)).Split('\n').Length);
        Assert.NotEmpty(Directory.GetFileSystemEntries(n3.DataDir));

        var reset = await EtcdTestCluster.RunKubeadmAsync("reset", "--force", "--rootfs", n3.Rootfs, "--skip-phases", "cleanup-node");

        Assert.True(reset.ExitCode == 0, $"{reset.Output}\n{reset.Error}");
        Assert.Matches(@"\[reset\] Removed etcd member ""n3"" \(ID [0-9a-f]+\) from the etcd cluster; members left: n[12], n[12]\n", reset.Output);
        Assert.Contains("[reset] Deleted contents of the etcd data directory: /var/lib/etcd\n", reset.Output);
        Assert.Empty(Directory.GetFileSystemEntries(n3.DataDir));
        var expected = $"n1,{n1.PeerUrl},false\nn2,{n2.PeerUrl},false";
        Assert.Equal(expected, await EtcdTestCluster.EtcdctlMemberListAsync(n1));
        Assert.Equal(expected, await EtcdTestCluster.EtcdctlMemberListAsync(n2));
    }

    [Fact]
    public async Task Should_RefuseToWipeAndNameTheFix_When_QuorumIsLost_And_WipeAsKubeadmDoes_When_Forced()
    {
        using var cluster = await EtcdTestCluster.StartAsync(3);
        var n1 = cluster.Nodes[0];
        cluster.Stop(cluster.Nodes[1]);
        cluster.Stop(cluster.Nodes[2]);
        var config = await ResetConfigAsync(n1, "8s");

        var refused = await EtcdTestCluster.RunKubeadmAsync(() => "y", "reset", "--rootfs", n1.Rootfs, "--config", config, "--skip-phases", "cleanup-node");

        Assert.True(refused.ExitCode == 1, $"{refused.Output}\n{refused.Error}");
        Assert.Contains("[reset] refusing to delete the etcd data directory /var/lib/etcd: the etcd member \"n1\"", refused.Error);
        Assert.Contains("the etcd cluster has lost quorum: 1 of 3 voting members answer (n1) and 0 know a leader; 2 are needed.", refused.Error);
        Assert.Contains($"--cacert /etc/kubernetes/pki/etcd/ca.crt --cert /etc/kubernetes/pki/etcd/healthcheck-client.crt --key /etc/kubernetes/pki/etcd/healthcheck-client.key member remove <ID of \"n1\">", refused.Error);
        Assert.Contains("kubeadm reset --force", refused.Error);
        Assert.DoesNotContain("Deleted contents", refused.Output);
        Assert.True(Directory.Exists($"{n1.DataDir}/member/wal"), "the etcd data must stay");

        var forcedConfig = await ResetConfigAsync(n1, "3s", force: true);
        var forced = await EtcdTestCluster.RunKubeadmAsync("reset", "--rootfs", n1.Rootfs, "--config", forcedConfig, "--skip-phases", "cleanup-node");

        Assert.True(forced.ExitCode == 0, $"{forced.Output}\n{forced.Error}");
        Assert.Contains("[reset] Failed to remove etcd member: could not remove the etcd member", forced.Error);
        Assert.Contains("please manually remove this etcd member using etcdctl", forced.Error);
        Assert.Contains("[reset] Deleted contents of the etcd data directory: /var/lib/etcd\n", forced.Output);
        Assert.Empty(Directory.GetFileSystemEntries(n1.DataDir));
    }

    [Fact]
    public async Task Should_FailClearlyAndKeepTheData_When_EtcdIsUnreachable()
    {
        using var cluster = await EtcdTestCluster.StartAsync(1);
        var n1 = cluster.Nodes[0];
        cluster.Stop(n1);

        using var etcd = EtcdTestCluster.ClientOn(n1, [n1.ClientUrl], TimeSpan.FromSeconds(2));
        var error = await Assert.ThrowsAsync<EtcdClusterException>(() => etcd.ListMembersAsync(CancellationToken.None));
        Assert.Equal(EtcdFailure.Unreachable, error.Failure);
        Assert.StartsWith($"could not list the etcd members: etcd is unreachable at {n1.ClientUrl} (tried for 2s): {n1.ClientUrl}: ", error.Message);
        Assert.Contains("crictl ps -a --name etcd", error.Message);

        var config = await ResetConfigAsync(n1, "3s");
        var refused = await EtcdTestCluster.RunKubeadmAsync(() => "y", "reset", "--rootfs", n1.Rootfs, "--config", config, "--skip-phases", "cleanup-node");

        Assert.True(refused.ExitCode == 1, $"{refused.Output}\n{refused.Error}");
        Assert.Contains("could not be removed from the etcd cluster (its members could not be listed, so others may remain): could not list the etcd members: etcd is unreachable at", refused.Error);
        Assert.True(Directory.Exists($"{n1.DataDir}/member/wal"), "the etcd data must stay");
    }

    private static async Task<string> ResetConfigAsync(EtcdTestNode node, string etcdApiCall, bool force = false)
    {
        var path = Path.Combine(node.Rootfs, force ? "reset-forced.yaml" : "reset.yaml");
        await File.WriteAllTextAsync(path, $"""
            apiVersion: kubeadm.k8s.io/v1beta4
            kind: ResetConfiguration
            force: {(force ? "true" : "false")}
            timeouts:
              etcdAPICall: {etcdApiCall}
            """);
        return path;
    }
}
