namespace Kubeadm.Cli.Tests.MultiNode;

/// <summary>
/// A test node's network identity: its address on its veth (TEST-NET-1, 192.0.2.0/24, RFC 5737: never routed), its
/// hostname (null: the machine's), the switch whose bridge its veth peer joins (null: the peer stays inside the node),
/// the peer's interface name (unique on the switch, at most 15 characters) and the lines of its own /etc/hosts.
/// </summary>
internal sealed record NodeNetwork(string Address, string? Hostname = null, NetworkSwitch? Switch = null, string PeerName = "node0-peer")
{
    /// <summary>Name → address entries of the node's /etc/hosts (besides localhost); empty: the machine's file is kept.</summary>
    public IReadOnlyDictionary<string, string> Hosts { get; init; } = new Dictionary<string, string>();
}
