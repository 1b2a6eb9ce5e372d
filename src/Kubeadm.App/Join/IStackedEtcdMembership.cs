namespace Kubeadm.App.Join;

/// <summary>
/// The etcd membership operations a control-plane join needs, on the cluster's stacked etcd (reached with this node's
/// etcd healthcheck-client certificate): health, add-as-learner (idempotent on the peer URL), promote, wait.
/// </summary>
public interface IStackedEtcdMembership
{
    /// <summary>Fails with "etcd cluster is not healthy: …" unless the members answer.</summary>
    Task CheckHealthAsync(CancellationToken cancellationToken);

    /// <summary>Every member as (name, peer URL), read only (a member not started yet is named by its ID).</summary>
    Task<IReadOnlyList<(string Name, string PeerUrl)>> ListMembersAsync(CancellationToken cancellationToken);

    /// <summary>Adds this node as a learner (skipped if its peer URL is already a member); returns every member as (name, peer URL).</summary>
    Task<IReadOnlyList<(string Name, string PeerUrl)>> AddLearnerAsync(string name, string peerUrl, CancellationToken cancellationToken);

    /// <summary>Promotes the member with this peer URL once it has caught up (a voter already is left alone).</summary>
    Task PromoteAsync(string peerUrl, CancellationToken cancellationToken);

    /// <summary>Waits until every endpoint answers (kubeadm: 8 rounds, 5 s apart).</summary>
    Task WaitAvailableAsync(CancellationToken cancellationToken);
}
