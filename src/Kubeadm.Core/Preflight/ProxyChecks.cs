using System.Net.Sockets;
using System.Net;
using Kubeadm.Core.Configuration.Validation;
using Kubeadm.Core.IPAddressing;

namespace Kubeadm.Core.Preflight;

/// <summary>kubeadm's HTTPProxy and HTTPProxyCIDR checks: warn when the API server's own traffic would go through a proxy.</summary>
public static class ProxyChecks
{
    /// <summary>HTTPProxy: a connection to https://&lt;advertise address&gt; (port 1234 for IPv6, as kubeadm builds it).</summary>
    public static CheckOutcome CheckAdvertiseAddress(HttpProxySelector proxies, string advertiseAddress)
    {
        ArgumentNullException.ThrowIfNull(proxies);
        ArgumentNullException.ThrowIfNull(advertiseAddress);
        var isIPv6 = IPAddress.TryParse(advertiseAddress, out var ip) && ip.AddressFamily == AddressFamily.InterNetworkV6;
        var url = isIPv6 ? $"https://[{advertiseAddress}]:1234" : $"https://{advertiseAddress}";
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return CheckOutcome.Error($"parse \"{url}\": invalid URL");
        }

        return proxies.ProxyFor(uri) is { } proxy
            ? CheckOutcome.Warning($"Connection to \"{url}\" uses proxy \"{proxy}\". If that is not intended, adjust your proxy settings")
            : CheckOutcome.Passed;
    }

    /// <summary>HTTPProxyCIDR: a connection to the first address of the CIDR, port 1234; an empty CIDR is not checked.</summary>
    public static CheckOutcome CheckCidr(HttpProxySelector proxies, string cidr)
    {
        ArgumentNullException.ThrowIfNull(proxies);
        ArgumentNullException.ThrowIfNull(cidr);
        if (cidr.Length == 0)
        {
            return CheckOutcome.Passed;
        }

        if (!Cidrs.TryParse(cidr, out var network))
        {
            return CheckOutcome.Error($"error parsing CIDR \"{cidr}\": invalid CIDR address: {cidr}");
        }

        var first = FirstAddress(network);
        var host = first.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{first}]" : first.ToString();
        var uri = new Uri($"https://{host}:1234/");
        return proxies.ProxyFor(uri) is { } proxy
            ? CheckOutcome.Warning(
                $"connection to \"{cidr}\" uses proxy \"{proxy}\". This may lead to malfunctional cluster setup. "
                + "Make sure that Pod and Services IP ranges specified correctly as exceptions in proxy configuration")
            : CheckOutcome.Passed;
    }

    /// <summary>network + 1; like Go's byte increment, an all-ones address wraps to all zeros.</summary>
    private static IPAddress FirstAddress(IPNetwork network) =>
        SubnetAddress.Offset(network.BaseAddress, 1)
        ?? new IPAddress(new byte[network.BaseAddress.GetAddressBytes().Length]);
}
