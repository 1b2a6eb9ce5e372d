using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Kubeadm.Core.Host;

/// <summary>
/// Reads the default routes out of the kernel's route tables, as Kubernetes' <c>util/net</c> does.
/// Malformed lines are skipped.
/// </summary>
public static class ProcNetRouteParser
{
    /// <summary>
    /// The IPv4 default routes (destination 0.0.0.0) in <c>/proc/net/route</c> text, in file order.
    /// Columns: Iface, Destination, Gateway, ... with addresses as little-endian hex.
    /// </summary>
    public static IReadOnlyList<DefaultRoute> ParseIPv4DefaultRoutes(string procNetRoute)
    {
        ArgumentNullException.ThrowIfNull(procNetRoute);
        var routes = new List<DefaultRoute>();
        foreach (var fields in FieldsOfEachLine(procNetRoute))
        {
            if (fields.Length < 3 || string.Equals(fields[0], "Iface", StringComparison.Ordinal))
            {
                continue;
            }

            if (TryParseHex(fields[1], 4, out var destination) && TryParseHex(fields[2], 4, out var gateway)
                && destination.All(octet => octet == 0))
            {
                // The kernel prints the network-order address as a native (little-endian) integer.
                Array.Reverse(gateway);
                routes.Add(new DefaultRoute(fields[0], new IPAddress(gateway), AddressFamily.InterNetwork));
            }
        }

        return routes;
    }

    /// <summary>
    /// The IPv6 default routes (destination :: through a non-zero gateway) in <c>/proc/net/ipv6_route</c> text, in file order.
    /// Columns: destination, prefix length, source, prefix length, next hop, metric, refcount, use, flags, interface.
    /// </summary>
    public static IReadOnlyList<DefaultRoute> ParseIPv6DefaultRoutes(string procNetIPv6Route)
    {
        ArgumentNullException.ThrowIfNull(procNetIPv6Route);
        var routes = new List<DefaultRoute>();
        foreach (var fields in FieldsOfEachLine(procNetIPv6Route))
        {
            if (fields.Length < 10)
            {
                continue;
            }

            if (TryParseHex(fields[0], 16, out var destination) && TryParseHex(fields[4], 16, out var gateway)
                && destination.All(octet => octet == 0) && gateway.Any(octet => octet != 0))
            {
                routes.Add(new DefaultRoute(fields[9], new IPAddress(gateway), AddressFamily.InterNetworkV6));
            }
        }

        return routes;
    }

    private static IEnumerable<string[]> FieldsOfEachLine(string text) =>
        text.Split('\n').Select(line => line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static bool TryParseHex(string hex, int length, out byte[] bytes)
    {
        bytes = new byte[length];
        if (hex.Length != length * 2)
        {
            return false;
        }

        for (var index = 0; index < length; index++)
        {
            if (!byte.TryParse(hex.AsSpan(index * 2, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out bytes[index]))
            {
                return false;
            }
        }

        return true;
    }
}
