using System.Net;
using System.Net.Sockets;

namespace Kubeadm.Core.Host;

/// <summary>Picks the host's default address from its default routes, as Kubernetes' <c>ChooseHostInterface</c> does.</summary>
public static class DefaultRouteAddressChooser
{
    /// <summary>
    /// For <paramref name="preferred"/> family and then the other, walks the default routes of that family in order and
    /// returns the first global unicast address of that family on the route's interface, if the interface is up.
    /// Null when none qualifies.
    /// </summary>
    public static IPAddress? Choose(IReadOnlyList<DefaultRoute> routes, IReadOnlyList<InterfaceAddresses> interfaces, AddressFamily preferred)
    {
        ArgumentNullException.ThrowIfNull(routes);
        ArgumentNullException.ThrowIfNull(interfaces);
        var other = preferred == AddressFamily.InterNetworkV6 ? AddressFamily.InterNetwork : AddressFamily.InterNetworkV6;
        foreach (var family in new[] { preferred, other })
        {
            foreach (var route in routes.Where(route => route.Family == family))
            {
                var networkInterface = interfaces.FirstOrDefault(candidate =>
                    string.Equals(candidate.Name, route.Interface, StringComparison.Ordinal));
                var address = networkInterface is { IsUp: true }
                    ? networkInterface.Addresses.FirstOrDefault(address => address.AddressFamily == family && IsGlobalUnicast(address))
                    : null;
                if (address is not null)
                {
                    return address;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// Go's <c>net.IP.IsGlobalUnicast</c>: not unspecified, loopback, multicast, link-local or the IPv4 broadcast address.
    /// Private ranges (10/8, 192.168/16, fd00::/8, …) count as global unicast.
    /// </summary>
    public static bool IsGlobalUnicast(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var octets = address.GetAddressBytes();
            var isUnspecified = octets.All(octet => octet == 0);
            var isBroadcast = octets.All(octet => octet == 255);
            var isLoopback = octets[0] == 127;
            var isMulticast = octets[0] >= 224 && octets[0] <= 239;
            var isLinkLocal = octets[0] == 169 && octets[1] == 254;
            return !(isUnspecified || isBroadcast || isLoopback || isMulticast || isLinkLocal);
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            return !(address.Equals(IPAddress.IPv6Any) || IPAddress.IsLoopback(address)
                || address.IsIPv6Multicast || address.IsIPv6LinkLocal);
        }

        return false;
    }
}
