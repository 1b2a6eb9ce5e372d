using System.Globalization;
using System.Net;
using Kubeadm.Core.Constants;

namespace Kubeadm.Core.Configuration.Validation;

/// <summary>
/// The pod subnet must hold at least one node CIDR (node mask ≥ pod mask) and at most 2^16 of them; the node mask is
/// the controller manager's node-cidr-mask-size-ipv4/-ipv6 argument, or its default (/24, /64).
/// </summary>
internal static class PodSubnetNodeMask
{
    private const int DefaultIPv4NodeMask = 24;
    private const int DefaultIPv6NodeMask = 64;

    public static void Validate(IReadOnlyList<IPNetwork> podSubnets, ClusterConfiguration cluster, string path, ValidationIssues issues)
    {
        foreach (var subnet in podSubnets)
        {
            var podMask = subnet.PrefixLength;
            if (!TryGetNodeMask(cluster, Cidrs.IsIPv6(subnet), out var nodeMask, out var error))
            {
                issues.Add(ValidationError.Invalid(path, subnet.ToString(), error));
                continue;
            }

            if (podMask > nodeMask)
            {
                issues.Add(ValidationError.Invalid(
                    path, subnet.ToString(), $"the size of pod subnet with mask {podMask} is smaller than the size of node subnet with mask {nodeMask}"));
            }
            else if (nodeMask - podMask > KubeadmConstants.PodSubnetNodeMaskMaxDiff)
            {
                issues.Add(ValidationError.Invalid(
                    path,
                    subnet.ToString(),
                    $"pod subnet mask ({podMask}) and node-mask ({nodeMask}) difference is greater than {KubeadmConstants.PodSubnetNodeMaskMaxDiff}"));
            }
        }
    }

    private static bool TryGetNodeMask(ClusterConfiguration cluster, bool isIPv6, out int nodeMask, out string error)
    {
        error = "";
        var argName = isIPv6 ? "node-cidr-mask-size-ipv6" : "node-cidr-mask-size-ipv4";
        var value = ControllerManagerArgs.LastValue(cluster, argName);
        if (string.IsNullOrEmpty(value))
        {
            nodeMask = isIPv6 ? DefaultIPv6NodeMask : DefaultIPv4NodeMask;
            return true;
        }

        if (int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out nodeMask))
        {
            return true;
        }

        error = $"could not parse the value of the kube-controller-manager flag {argName} as an integer: "
            + $"strconv.Atoi: parsing {GoFormat.Quote(value)}: invalid syntax";
        return false;
    }
}
