namespace Kubeadm.Core.Etcd;

/// <summary>
/// The etcd v3 RPCs kubeadm uses, each one call to one endpoint (a client URL) with the transport's own per-call
/// deadline. Failures are <see cref="EtcdCallException"/>. Retries, endpoint failover and kubeadm's rules live in
/// <see cref="EtcdCluster"/>.
/// </summary>
public interface IEtcdApi
{
    /// <summary>Cluster/MemberList.</summary>
    Task<IReadOnlyList<EtcdMember>> MemberListAsync(string endpoint, CancellationToken cancellationToken);

    /// <summary>Cluster/MemberAdd; returns the added member and the members after the change.</summary>
    Task<(EtcdMember Added, IReadOnlyList<EtcdMember> Members)> MemberAddAsync(string endpoint, string peerUrl, bool asLearner, CancellationToken cancellationToken);

    /// <summary>Cluster/MemberPromote; returns the members after the change.</summary>
    Task<IReadOnlyList<EtcdMember>> MemberPromoteAsync(string endpoint, ulong memberId, CancellationToken cancellationToken);

    /// <summary>Cluster/MemberRemove; returns the members after the change.</summary>
    Task<IReadOnlyList<EtcdMember>> MemberRemoveAsync(string endpoint, ulong memberId, CancellationToken cancellationToken);

    /// <summary>Maintenance/Status of the member behind <paramref name="endpoint"/>.</summary>
    Task<EtcdEndpointStatus> StatusAsync(string endpoint, CancellationToken cancellationToken);
}
