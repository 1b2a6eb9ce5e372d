using System.Net;
using Kubeadm.Core.Configuration.Validation;
using Kubeadm.Core.Configuration;
using Kubeadm.Core.Errors;
using Kubeadm.Core.IPAddressing;

namespace Kubeadm.Core.Pki;

/// <summary>
/// The SANs kubeadm gives the API server and etcd serving certificates. Invalid extra SANs are dropped with
/// kubeadm's warning (returned, not printed); an advertise address, service subnet or control-plane endpoint that
/// does not parse is an error.
/// </summary>
public static class AltNameRules
{
    public const string ApiServerCertName = "apiserver";
    public const string EtcdServerCertName = "etcd/server";
    public const string EtcdPeerCertName = "etcd/peer";

    public static AltNames For(SanRule rule, KubeadmConfig config, ICollection<string> warnings) => rule switch
    {
        SanRule.None => AltNames.Empty,
        SanRule.ApiServer => ForApiServer(config, warnings),
        SanRule.EtcdServer => ForEtcd(config, config?.Cluster.Etcd.Local?.ServerCertSans ?? [], EtcdServerCertName, warnings),
        SanRule.EtcdPeer => ForEtcd(config, config?.Cluster.Etcd.Local?.PeerCertSans ?? [], EtcdPeerCertName, warnings),
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "unknown SAN rule"),
    };

    public static AltNames ForApiServer(KubeadmConfig config, ICollection<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(config);
        var cluster = config.Cluster;
        var advertiseAddress = AdvertiseAddress(config);
        var dnsNames = new List<string>
        {
            config.Init.NodeRegistration.Name,
            "kubernetes",
            "kubernetes.default",
            "kubernetes.default.svc",
            $"kubernetes.default.svc.{cluster.Networking.DnsDomain}",
        };
        var ips = new List<IPAddress> { FirstServiceIp(cluster.Networking.ServiceSubnet), advertiseAddress };
        if (cluster.ControlPlaneEndpoint.Length > 0)
        {
            var host = ControlPlaneEndpointHost(cluster.ControlPlaneEndpoint);
            if (IpAddresses.TryParse(host, out var ip))
            {
                ips.Add(ip);
            }
            else
            {
                dnsNames.Add(host);
            }
        }

        AppendExtra(dnsNames, ips, cluster.ApiServer.CertSans, ApiServerCertName, warnings);
        return new AltNames(dnsNames.Where(n => n.Length > 0), ips);
    }

    private static AltNames ForEtcd(KubeadmConfig config, IReadOnlyList<string> extra, string certName, ICollection<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(config);
        var dnsNames = new List<string> { config.Init.NodeRegistration.Name, "localhost" };
        var ips = new List<IPAddress> { AdvertiseAddress(config), IPAddress.Loopback, IPAddress.IPv6Loopback };
        AppendExtra(dnsNames, ips, extra, certName, warnings);
        return new AltNames(dnsNames.Where(n => n.Length > 0), ips);
    }

    private static void AppendExtra(List<string> dnsNames, List<IPAddress> ips, IReadOnlyList<string> extra, string certName, ICollection<string> warnings)
    {
        foreach (var name in extra)
        {
            if (IpAddresses.TryParse(name, out var ip))
            {
                ips.Add(ip);
            }
            else if (DnsNames.IsSubdomain(name) || DnsNames.WildcardSubdomainErrors(name).Count == 0)
            {
                dnsNames.Add(name);
            }
            else
            {
                warnings.Add(
                    $"[certificates] WARNING: '{name}' was not added to the '{certName}' SAN, because it is not a valid IP or RFC-1123 compliant DNS entry");
            }
        }
    }

    private static IPAddress AdvertiseAddress(KubeadmConfig config)
    {
        var text = config.Init.LocalApiEndpoint.AdvertiseAddress;
        return IpAddresses.TryParse(text, out var address)
            ? address
            : throw new KubeadmUserException(
                $"error parsing LocalAPIEndpoint AdvertiseAddress {text}: is not a valid textual representation of an IP address");
    }

    /// <summary>The first usable address (network + 1) of the first service CIDR: the "kubernetes" Service IP.</summary>
    public static IPAddress FirstServiceIp(string serviceSubnet)
    {
        ArgumentNullException.ThrowIfNull(serviceSubnet);
        var first = serviceSubnet.Split(',')[0];
        if (!Cidrs.TryParse(first, out var network))
        {
            throw new KubeadmUserException(
                $"unable to get first IP address from the given CIDR: {serviceSubnet}: couldn't parse the service subnet \"{first}\"");
        }

        var address = SubnetAddress.Offset(network.BaseAddress, 1);
        return address is not null && network.Contains(address)
            ? address
            : throw new KubeadmUserException($"unable to get first IP address from the given CIDR: {serviceSubnet}: the subnet has no usable address");
    }

    private static string ControlPlaneEndpointHost(string endpoint)
    {
        // kubeadm's ParseHostPort: "host:port", or a bare host (an IPv6 address without brackets counts as a host).
        var host = HostPort.TrySplit(endpoint, out var splitHost, out var port) ? splitHost : endpoint;
        var valid = (port.Length == 0 || HostPort.IsValidPort(port)) && (IpAddresses.IsValid(host) || DnsNames.IsSubdomain(host));
        return valid
            ? host
            : throw new KubeadmUserException($"error parsing cluster controlPlaneEndpoint \"{endpoint}\": invalid host or port");
    }
}
