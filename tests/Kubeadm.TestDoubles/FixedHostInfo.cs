using System.Net;
using System.Net.Sockets;

namespace Kubeadm.Core.Host;

/// <summary>Host facts fixed up front, for tests.</summary>
public sealed class FixedHostInfo : IHostInfo
{
    private readonly string _hostname;
    private readonly IReadOnlyList<IPAddress> _addresses;

    /// <summary>Creates the host with a name and its default-route addresses (at most one per family is useful).</summary>
    public FixedHostInfo(string hostname, params IReadOnlyList<IPAddress> addresses)
    {
        ArgumentNullException.ThrowIfNull(hostname);
        ArgumentNullException.ThrowIfNull(addresses);
        _hostname = hostname.Trim().ToLowerInvariant();
        _addresses = addresses;
    }

    /// <inheritdoc/>
    public string GetHostname() => _hostname;

    /// <summary>The first address of <paramref name="preferred"/> family, else the first address, else null.</summary>
    public IPAddress? GetDefaultRouteAddress(AddressFamily preferred) =>
        _addresses.FirstOrDefault(address => address.AddressFamily == preferred) ?? (_addresses.Count > 0 ? _addresses[0] : null);
}
