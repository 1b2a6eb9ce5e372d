namespace Kubeadm.Core.Etcd;

/// <summary>What one etcd endpoint says about itself (Maintenance/Status).</summary>
/// <param name="Endpoint">The client URL asked.</param>
/// <param name="Version">The etcd server version.</param>
/// <param name="MemberId">The answering member's ID.</param>
/// <param name="LeaderId">The leader it knows; 0 when it has none (no quorum).</param>
/// <param name="IsLearner">Whether the answering member is a learner.</param>
/// <param name="Errors">Errors the member reports about itself (alarms such as NOSPACE, corruption).</param>
public sealed record EtcdEndpointStatus(string Endpoint, string Version, ulong MemberId, ulong LeaderId, bool IsLearner, IReadOnlyList<string> Errors)
{
    /// <summary>Whether the member knows a leader and reports no error.</summary>
    public bool IsHealthy => LeaderId != 0 && Errors.Count == 0;
}
