using System.Net;

namespace Kubeadm.Core.Preflight;

/// <summary>What a name lookup returned: its addresses, or why it failed.</summary>
public sealed record HostLookup(IReadOnlyList<IPAddress> Addresses, string? Error)
{
    public static HostLookup Resolved(params IPAddress[] addresses) => new(addresses, null);

    public static HostLookup Failed(string error) => new([], error);
}
