using System.Globalization;
using System.Net;
using Kubeadm.Core.Constants;

namespace Kubeadm.Core.Configuration.Validation;

/// <summary>networking: DNS domain, service subnet (size limits) and pod subnet (against the node CIDR mask).</summary>
internal static class NetworkingValidator
{
    private const string DualStackMessage = "expected one (IPv4 or IPv6) CIDR or two CIDRs from each family for dual-stack networking";

    private static readonly IPNetwork SiteLocal = new(IPAddress.Parse("fec0::"), 10);

    public static void Validate(ClusterConfiguration cluster, string path, ValidationIssues issues)
    {
        var networking = cluster.Networking;
        var dnsDomainPath = FieldPath.Child(path, "dnsDomain");
        foreach (var message in DnsNames.SubdomainErrors(networking.DnsDomain))
        {
            issues.Add(ValidationError.Invalid(dnsDomainPath, networking.DnsDomain, message));
        }

        if (networking.ServiceSubnet.Length > 0)
        {
            var servicePath = FieldPath.Child(path, "serviceSubnet");
            var subnets = ValidateSubnets(networking.ServiceSubnet, KubeadmConstants.MinimumAddressesInServiceSubnet, servicePath, issues);
            ValidateServiceSubnetSize(subnets, servicePath, issues);
        }

        if (networking.PodSubnet.Length > 0)
        {
            var podPath = FieldPath.Child(path, "podSubnet");
            var subnets = ValidateSubnets(networking.PodSubnet, KubeadmConstants.MinimumAddressesInPodSubnet, podPath, issues);
            if (ControllerManagerArgs.LastValue(cluster, "allocate-node-cidrs") != "false")
            {
                PodSubnetNodeMask.Validate(subnets, cluster, podPath, issues);
            }
        }
    }

    /// <summary>kubeadm's ValidateIPNetFromString; returns the parsed subnets (empty when they do not parse).</summary>
    private static IReadOnlyList<IPNetwork> ValidateSubnets(string text, long minimumAddresses, string path, ValidationIssues issues)
    {
        if (!Cidrs.TryParseList(text, out var subnets))
        {
            issues.Add(ValidationError.Invalid(path, text, "couldn't parse subnet"));
            return [];
        }

        if (subnets.Count > 2 || (subnets.Count == 2 && Cidrs.IsIPv6(subnets[0]) == Cidrs.IsIPv6(subnets[1])))
        {
            issues.Add(ValidationError.Invalid(path, text, DualStackMessage));
        }

        foreach (var subnet in subnets)
        {
            var size = Cidrs.RangeSize(subnet);
            if (size < minimumAddresses)
            {
                issues.Add(ValidationError.Invalid(
                    path, subnet.ToString(), $"subnet with {Invariant(size)} address(es) is too small, the minimum is {Invariant(minimumAddresses)}"));
            }

            if (SiteLocal.Contains(subnet.BaseAddress) || subnet.Contains(SiteLocal.BaseAddress))
            {
                issues.Warn($"the subnet {subnet} contains IPv6 site-local addresses that belong to fec0::/10 which has been deprecated by rfc3879");
            }
        }

        return subnets;
    }

    /// <summary>Large service ranges bloat etcd snapshots; the API server enforces the same 20-bit limit.</summary>
    private static void ValidateServiceSubnetSize(IReadOnlyList<IPNetwork> subnets, string path, ValidationIssues issues)
    {
        foreach (var subnet in subnets)
        {
            var bits = Cidrs.BitLength(subnet.BaseAddress);
            if (bits - subnet.PrefixLength > KubeadmConstants.MaximumBitsForServiceSubnet)
            {
                issues.Add(ValidationError.Invalid(
                    path,
                    subnet.ToString(),
                    $"specified service subnet is too large; for {bits}-bit addresses, the mask must be >= {bits - KubeadmConstants.MaximumBitsForServiceSubnet}"));
            }
        }
    }

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}
