using System.Globalization;

namespace Kubeadm.Core.Etcd;

/// <summary>One member of an etcd cluster as MemberList reports it.</summary>
/// <param name="Id">The member ID.</param>
/// <param name="Name">The --name it started with; empty while an added member has not started yet.</param>
/// <param name="PeerUrls">Its peer URLs; kubeadm identifies a member by the first one.</param>
/// <param name="ClientUrls">Its advertised client URLs; empty until it started.</param>
/// <param name="IsLearner">Whether it is a non-voting learner.</param>
public sealed record EtcdMember(ulong Id, string Name, IReadOnlyList<string> PeerUrls, IReadOnlyList<string> ClientUrls, bool IsLearner)
{
    /// <summary>The ID as etcd and etcdctl print it (lower-case hex).</summary>
    public string HexId => Id.ToString("x", CultureInfo.InvariantCulture);

    /// <summary>Whether the member has started (etcd fills in the name when it first runs).</summary>
    public bool IsStarted => Name.Length > 0;

    /// <summary>The name, or the hex ID for a member that has not started (as kubeadm names such members).</summary>
    public string DisplayName => IsStarted ? Name : HexId;

    /// <summary>Whether <paramref name="peerUrl"/> is this member's first peer URL (how kubeadm matches members).</summary>
    public bool HasPeerUrl(string peerUrl) => PeerUrls.Count > 0 && string.Equals(PeerUrls[0], peerUrl, StringComparison.Ordinal);

    public override string ToString() =>
        $"{DisplayName} (ID {HexId}, peer {string.Join(",", PeerUrls)}{(IsLearner ? ", learner" : "")})";
}
