namespace Kubeadm.Core.Etcd;

/// <summary>Why one etcd call failed, as far as the answer tells.</summary>
public enum EtcdFailure
{
    /// <summary>No connection: nothing listens, the network is down, or the call got no answer in time.</summary>
    Unreachable,

    /// <summary>The TLS handshake or the client certificate was refused (wrong CA, wrong certificate, wrong host name).</summary>
    TlsRejected,

    /// <summary>The member answered but the cluster cannot agree: no leader, request timed out, unhealthy cluster.</summary>
    NoQuorum,

    /// <summary>A learner cannot be promoted yet because it has not caught up with the leader.</summary>
    LearnerNotReady,

    /// <summary>MemberAdd: a member with this peer URL exists already.</summary>
    PeerUrlExists,

    /// <summary>MemberRemove/MemberPromote: no member has this ID.</summary>
    MemberNotFound,

    /// <summary>Any other refusal (invalid request, permission denied, too many learners ...): retrying does not help.</summary>
    Rejected,
}
