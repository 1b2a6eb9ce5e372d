using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Kubeadm.Core.Configuration.Validation;

/// <summary>
/// CIDR parsing with Go's ParseCIDR semantics: host bits may be set ("10.96.0.1/12" means 10.96.0.0/12), whereas
/// <see cref="IPNetwork.TryParse(string, out IPNetwork)"/> rejects that, so the address is masked first.
/// </summary>
internal static class Cidrs
{
    /// <summary>Parses every comma-separated entry (no trimming, as kubeadm); false if any one is not a CIDR.</summary>
    public static bool TryParseList(string commaSeparated, out IReadOnlyList<IPNetwork> networks)
    {
        var parsed = new List<IPNetwork>();
        networks = parsed;
        foreach (var entry in commaSeparated.Split(','))
        {
            if (!TryParse(entry, out var network))
            {
                return false;
            }

            parsed.Add(network);
        }

        return true;
    }

    public static bool TryParse(string text, out IPNetwork network)
    {
        network = default;
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0 || !IpAddresses.TryParse(text[..slash], out var address))
        {
            return false;
        }

        var prefixText = text[(slash + 1)..];
        var bits = BitLength(address);
        if (prefixText.Length == 0 || !prefixText.All(char.IsAsciiDigit)
            || !int.TryParse(prefixText, NumberStyles.None, CultureInfo.InvariantCulture, out var prefix) || prefix > bits)
        {
            return false;
        }

        network = new IPNetwork(Mask(address, prefix), prefix);
        return true;
    }

    public static int BitLength(IPAddress address) => address.AddressFamily == AddressFamily.InterNetworkV6 ? 128 : 32;

    public static bool IsIPv6(IPNetwork network) => network.BaseAddress.AddressFamily == AddressFamily.InterNetworkV6;

    /// <summary>
    /// Number of addresses, as k8s.io/utils/net RangeSize computes it: /0 and /1 count as 0 (the value would not fit),
    /// and anything 2^63 or larger is capped at <see cref="long.MaxValue"/>.
    /// </summary>
    public static long RangeSize(IPNetwork network)
    {
        var bits = BitLength(network.BaseAddress);
        var hostBits = bits - network.PrefixLength;
        if ((bits == 32 && hostBits >= 31) || (bits == 128 && hostBits >= 127))
        {
            return 0;
        }

        return hostBits >= 63 ? long.MaxValue : 1L << hostBits;
    }

    private static IPAddress Mask(IPAddress address, int prefix)
    {
        var bytes = address.GetAddressBytes();
        for (var i = 0; i < bytes.Length; i++)
        {
            var keep = Math.Clamp(prefix - (i * 8), 0, 8);
            bytes[i] &= (byte)(0xFF << (8 - keep));
        }

        return new IPAddress(bytes);
    }
}
