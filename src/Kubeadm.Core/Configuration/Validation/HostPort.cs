using System.Globalization;

namespace Kubeadm.Core.Configuration.Validation;

/// <summary>kubeadm's ParseHostPort / ParsePort on top of Go's net.SplitHostPort rules (IPv6 hosts need brackets with a port).</summary>
internal static class HostPort
{
    /// <summary>True when <paramref name="endpoint"/> is "host" or "host:port" with an IP or DNS-1123 host and a port in 1–65535.</summary>
    public static bool IsValid(string endpoint)
    {
        // As in kubeadm: if the text does not split into host and port, the whole text is the host ("::1" is fine).
        if (!TrySplit(endpoint, out var host, out var port))
        {
            host = endpoint;
            port = "";
        }

        if (port.Length > 0 && !IsValidPort(port))
        {
            return false;
        }

        return IpAddresses.IsValid(host) || DnsNames.IsSubdomain(host);
    }

    /// <summary>kubeadm's ParsePort: a decimal number from 1 to 65535.</summary>
    public static bool IsValidPort(string port) =>
        int.TryParse(port, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) && IsValidPort(number);

    public static bool IsValidPort(int port) => port is > 0 and <= 65535;

    /// <summary>Go's net.SplitHostPort.</summary>
    public static bool TrySplit(string hostPort, out string host, out string port)
    {
        host = "";
        port = "";
        var lastColon = hostPort.LastIndexOf(':');
        if (lastColon < 0)
        {
            return false;
        }

        if (hostPort.StartsWith('['))
        {
            var close = hostPort.IndexOf(']', StringComparison.Ordinal);
            if (close < 0 || close + 1 != lastColon)
            {
                return false;
            }

            host = hostPort[1..close];
            if (hostPort.IndexOf('[', 1) >= 0 || hostPort.IndexOf(']', close + 1) >= 0)
            {
                return false;
            }
        }
        else
        {
            host = hostPort[..lastColon];
            if (host.AsSpan().IndexOfAny(":[]") >= 0)
            {
                return false;
            }
        }

        port = hostPort[(lastColon + 1)..];
        return true;
    }
}
