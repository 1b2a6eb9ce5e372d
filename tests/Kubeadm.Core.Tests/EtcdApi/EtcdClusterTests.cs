using Kubeadm.Core.EtcdApi;

namespace Kubeadm.Core.Tests.EtcdApi;

public sealed class EtcdClusterTests
{
    private const string A = "https://10.0.0.1:2379";
    private const string B = "https://10.0.0.2:2379";
    private const string C = "https://10.0.0.3:2379";
    private static readonly EtcdTlsFiles Tls = EtcdTlsFiles.ForCertificatesDir("/etc/kubernetes/pki");

    private static InMemoryEtcdApi ThreeMembers() => new InMemoryEtcdApi()
        .WithMember("cp-1", "https://10.0.0.1:2380", A)
        .WithMember("cp-2", "https://10.0.0.2:2380", B)
        .WithMember("cp-3", "https://10.0.0.3:2380", C);

    private static EtcdCluster Client(IEtcdApi api, IReadOnlyList<string> endpoints, List<string>? progress = null, int timeoutMs = 2000) =>
        new(api, new EtcdClientSettings(endpoints, Tls)
        {
            Timeout = TimeSpan.FromMilliseconds(timeoutMs),
            RetryInterval = TimeSpan.FromMilliseconds(5),
            ProgressInterval = TimeSpan.FromMilliseconds(50),
        }, TimeProvider.System, progress is null ? null : progress.Add);

    [Fact]
    public async Task Should_UseEveryMembersClientUrl_When_Synced()
    {
        using var etcd = Client(ThreeMembers(), [A]);

        await etcd.SyncAsync(CancellationToken.None);

        Assert.Equal([A, B, C], etcd.Endpoints);
    }

    [Fact]
    public async Task Should_FailOverAndPreferTheEndpointThatAnswered_When_OneIsDown()
    {
        var api = ThreeMembers();
        api.Down.Add(A);
        using var etcd = Client(api, [A, B, C]);

        Assert.Equal(3, (await etcd.ListMembersAsync(CancellationToken.None)).Count);
        Assert.Equal(3, (await etcd.ListMembersAsync(CancellationToken.None)).Count);

        Assert.Equal([$"MemberList {A}", $"MemberList {B}", $"MemberList {B}"], api.Calls);
    }

    [Fact]
    public async Task Should_AddALearnerOnce_And_NameUnstartedMembers_When_AddedTwice()
    {
        var api = ThreeMembers();
        using var etcd = Client(api, [A]);

        var first = await etcd.AddMemberAsLearnerAsync("cp-4", "https://10.0.0.4:2380", CancellationToken.None);
        var second = await etcd.AddMemberAsLearnerAsync("cp-4", "https://10.0.0.4:2380", CancellationToken.None);

        var learner = Assert.Single(first, m => m.IsLearner);
        Assert.Equal("cp-4", learner.Name);
        Assert.Equal(first, second);
        Assert.Single(api.Calls, call => call.StartsWith("MemberAddAsLearner", StringComparison.Ordinal));
        Assert.Equal(learner.Id, await etcd.GetMemberIdAsync("https://10.0.0.4:2380", CancellationToken.None));
    }

    [Fact]
    public async Task Should_WaitForTheLearnerToStartAndCatchUp_When_Promoting()
    {
        var api = ThreeMembers();
        api.PromoteAttemptsBeforeInSync = 2;
        var progress = new List<string>();
        using var etcd = Client(api, [A], progress);
        var members = await etcd.AddMemberAsLearnerAsync("cp-4", "https://10.0.0.4:2380", CancellationToken.None);
        var id = members.Single(m => m.IsLearner).Id;

        var promotion = etcd.PromoteMemberAsync(id, CancellationToken.None);
        await Task.Delay(30);
        Assert.False(promotion.IsCompleted);
        api.StartMember("https://10.0.0.4:2380", "cp-4", "https://10.0.0.4:2379");
        await promotion;

        Assert.All(api.Members, m => Assert.False(m.IsLearner));
        Assert.Equal(3, api.Calls.Count(call => call.StartsWith("MemberPromote", StringComparison.Ordinal)));
        Assert.Contains($"[etcd] Waiting for a learner to start: {id:x}", progress);
        await etcd.PromoteMemberAsync(id, CancellationToken.None);
        Assert.Equal(3, api.Calls.Count(call => call.StartsWith("MemberPromote", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Should_AskAnotherMember_When_RemovingTheMemberItTalksTo()
    {
        var api = ThreeMembers();
        using var etcd = Client(api, [A]);
        await etcd.SyncAsync(CancellationToken.None);
        var id = api.Members[0].Id;

        var left = await etcd.RemoveMemberAsync(id, CancellationToken.None);

        Assert.Equal(["cp-2", "cp-3"], left.Select(m => m.Name));
        Assert.Contains($"MemberRemove {B} {id:x}", api.Calls);
        Assert.Equal(2, (await etcd.RemoveMemberAsync(id, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task Should_ExplainUnreachable_When_NoEndpointAnswers()
    {
        var api = ThreeMembers();
        api.Down.UnionWith([A, B]);
        var progress = new List<string>();
        // Long enough that a first round of calls slowed down by a loaded machine still leaves time for a progress line.
        using var etcd = Client(api, [A, B], progress, timeoutMs: 3000);

        var error = await Assert.ThrowsAsync<EtcdClusterException>(() => etcd.ListMembersAsync(CancellationToken.None));

        Assert.Equal(EtcdFailure.Unreachable, error.Failure);
        Assert.StartsWith(
            $"could not list the etcd members: etcd is unreachable at {A}, {B} (tried for 3s): {A}: Unavailable: Error connecting to subchannel. (Connection refused); {B}: ",
            error.Message);
        Assert.Contains("crictl ps -a --name etcd", error.Message);
        Assert.Contains(progress, line => line.StartsWith("[etcd] Still trying to list the etcd members (", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_ExplainQuorumLoss_When_AMajorityIsDown()
    {
        var api = ThreeMembers();
        api.Down.UnionWith([B, C]);
        api.QuorumLost = true;
        using var etcd = Client(api, [A, B, C], timeoutMs: 60);

        var error = await Assert.ThrowsAsync<EtcdClusterException>(() => etcd.RemoveMemberAsync(api.Members[0].Id, CancellationToken.None));

        Assert.Equal(EtcdFailure.NoQuorum, error.Failure);
        Assert.StartsWith(
            $"could not remove the etcd member {api.Members[0].HexId}: the etcd cluster has lost quorum: 1 of 3 voting members answer (cp-1) and 0 know a leader; 2 are needed. "
            + $"Not answering: cp-2 ({B}: Unavailable: Error connecting to subchannel. (Connection refused)); cp-3 ({C}: ",
            error.Message);
        Assert.EndsWith($"Last error: {A}: etcdserver: unhealthy cluster", error.Message);
        Assert.Equal(3, api.Members.Count);
    }

    [Fact]
    public async Task Should_FailAtOnceNamingTheFiles_When_TlsIsRefused()
    {
        var api = ThreeMembers();
        api.TlsRefused.Add(A);
        using var etcd = Client(api, [A, B]);

        var error = await Assert.ThrowsAsync<EtcdClusterException>(() => etcd.ListMembersAsync(CancellationToken.None));

        Assert.Equal(EtcdFailure.TlsRejected, error.Failure);
        Assert.Equal(
            $"could not list the etcd members: the TLS connection to etcd at {A} failed: TLS handshake failed: the remote certificate is invalid. "
            + "Check that /etc/kubernetes/pki/etcd/ca.crt is the CA of this etcd cluster and that /etc/kubernetes/pki/etcd/healthcheck-client.crt "
            + "and /etc/kubernetes/pki/etcd/healthcheck-client.key are a pair it signed (kubeadm certs check-expiration lists them)",
            error.Message);
        Assert.Single(api.Calls);
    }

    [Fact]
    public async Task Should_PassTheHealthCheck_When_AMajorityIsHealthy_And_FailIt_When_Not()
    {
        var api = ThreeMembers();
        api.Down.Add(C);
        var progress = new List<string>();
        using var etcd = Client(api, [A, B, C], progress, timeoutMs: 30);

        await etcd.CheckClusterHealthAsync(CancellationToken.None);
        Assert.Contains(progress, line => line.StartsWith($"[etcd] cluster has quorum: true; some members are not healthy: {C}: ", StringComparison.Ordinal));

        api.Down.Add(B);
        var error = await Assert.ThrowsAsync<EtcdClusterException>(() => etcd.CheckClusterHealthAsync(CancellationToken.None));
        Assert.StartsWith("etcd cluster is not healthy: 1 of 3 endpoints are healthy, a majority is needed: ", error.Message);
    }

    [Fact]
    public async Task Should_TimeOutWithTheFailingEndpoints_When_WaitingForAnUnavailableCluster()
    {
        var api = ThreeMembers();
        api.Down.Add(B);
        using var etcd = Client(api, [A, B]);

        var error = await Assert.ThrowsAsync<EtcdClusterException>(() => etcd.WaitForClusterAvailableAsync(3, TimeSpan.FromMilliseconds(5), CancellationToken.None));

        Assert.StartsWith($"timeout waiting for etcd cluster to be available: after 3 tries 5ms apart these endpoints still fail: {B}: ", error.Message);
        Assert.Equal(3, api.Calls.Count(call => call == $"Status {B}"));
    }
}
