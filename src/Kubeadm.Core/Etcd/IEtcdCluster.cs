namespace Kubeadm.Core.Etcd;

/// <summary>
/// kubeadm's etcd client (its util/etcd): membership and health operations over the current endpoint list, each
/// retried every 500 ms for up to timeouts.etcdAPICall with failover between endpoints. Failures are
/// <see cref="EtcdClusterException"/> with one clear message (unreachable, TLS refused, quorum lost ...).
/// </summary>
public interface IEtcdCluster : IDisposable
{
    /// <summary>The client URLs in use (replaced by <see cref="SyncAsync"/>).</summary>
    IReadOnlyList<string> Endpoints { get; }

    /// <summary>Replaces the endpoints by every member's client URLs, as clientv3's Sync does.</summary>
    Task SyncAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<EtcdMember>> ListMembersAsync(CancellationToken cancellationToken);

    /// <summary>The ID of the member whose first peer URL is <paramref name="peerUrl"/>; fails with "no member id found for peer URL".</summary>
    Task<ulong> GetMemberIdAsync(string peerUrl, CancellationToken cancellationToken);

    /// <summary>Adds a voting member (skipped when the peer URL is a member already); returns every member, unstarted ones named.</summary>
    Task<IReadOnlyList<EtcdMember>> AddMemberAsync(string name, string peerUrl, CancellationToken cancellationToken);

    /// <summary>Adds a learner (what join does in 1.33+; skipped when the peer URL is a member already); returns every member.</summary>
    Task<IReadOnlyList<EtcdMember>> AddMemberAsLearnerAsync(string name, string peerUrl, CancellationToken cancellationToken);

    /// <summary>Waits until the learner has started, then promotes it, retrying while it catches up; a voter already is left alone.</summary>
    Task PromoteMemberAsync(ulong memberId, CancellationToken cancellationToken);

    /// <summary>Removes a member (absent counts as removed); returns the members left.</summary>
    Task<IReadOnlyList<EtcdMember>> RemoveMemberAsync(ulong memberId, CancellationToken cancellationToken);

    /// <summary>Maintenance/Status of one endpoint, retried.</summary>
    Task<EtcdEndpointStatus> StatusAsync(string endpoint, CancellationToken cancellationToken);

    /// <summary>kubeadm's CheckClusterHealth (check-etcd): fails with "etcd cluster is not healthy: …" unless a majority of endpoints is healthy.</summary>
    Task CheckClusterHealthAsync(CancellationToken cancellationToken);

    /// <summary>kubeadm's WaitForClusterAvailable: up to <paramref name="retries"/> rounds, <paramref name="interval"/> apart, until every endpoint answers.</summary>
    Task WaitForClusterAvailableAsync(int retries, TimeSpan interval, CancellationToken cancellationToken);
}
