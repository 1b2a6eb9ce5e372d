using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Kubeadm.Core.ControlPlane;

/// <summary>Address helpers with Go's semantics (net.JoinHostPort, k8s.io/utils/net IsIPv6String).</summary>
public static class HostPort
{
    /// <summary>True for an IPv6 literal that is not an IPv4-mapped address.</summary>
    public static bool IsIPv6(string address) =>
        IPAddress.TryParse(address, out var ip) && ip.AddressFamily == AddressFamily.InterNetworkV6 && !ip.IsIPv4MappedToIPv6
        && !address.Contains('%', StringComparison.Ordinal);

    /// <summary>`host:port`, with brackets around a host that contains a colon.</summary>
    public static string Join(string host, int port)
    {
        ArgumentNullException.ThrowIfNull(host);
        var portText = port.ToString(CultureInfo.InvariantCulture);
        return host.Contains(':', StringComparison.Ordinal) ? $"[{host}]:{portText}" : $"{host}:{portText}";
    }

    /// <summary>The loopback address of the same family as <paramref name="advertiseAddress"/>.</summary>
    public static string LoopbackFor(string advertiseAddress) => IsIPv6(advertiseAddress) ? "::1" : "127.0.0.1";
}
