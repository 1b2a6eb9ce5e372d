using System.Buffers;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Kubeadm.Core.Configuration.Validation;

/// <summary>
/// Parses IP addresses as Go's net.ParseIP (netutils.ParseIPSloppy) does: dotted-quad IPv4 (leading zeros allowed)
/// or IPv6 without brackets or zone. <see cref="IPAddress.TryParse(string, out IPAddress)"/> alone is too lenient
/// ("1", "0x7f.1", "[::1]" all parse).
/// </summary>
internal static class IpAddresses
{
    private static readonly SearchValues<char> NotInIPv6 = SearchValues.Create("%[]/ \t");

    public static bool TryParse(string text, out IPAddress address)
    {
        address = IPAddress.None;
        return text.Contains(':', StringComparison.Ordinal) ? TryParseV6(text, ref address) : TryParseV4(text, ref address);
    }

    public static bool IsValid(string text) => TryParse(text, out _);

    private static bool TryParseV6(string text, ref IPAddress address)
    {
        if (text.AsSpan().IndexOfAny(NotInIPv6) >= 0)
        {
            return false;
        }

        if (!IPAddress.TryParse(text, out var parsed) || parsed.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return false;
        }

        address = parsed;
        return true;
    }

    private static bool TryParseV4(string text, ref IPAddress address)
    {
        var parts = text.Split('.');
        if (parts.Length != 4)
        {
            return false;
        }

        var bytes = new byte[4];
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            if (part.Length is 0 or > 3 || !part.All(char.IsAsciiDigit)
                || !byte.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out bytes[i]))
            {
                return false;
            }
        }

        address = new IPAddress(bytes);
        return true;
    }
}
