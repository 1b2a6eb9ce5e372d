using System.Net;
using Kubeadm.Core.Constants;
using Kubeadm.Core.IPAddressing;

namespace Kubeadm.Core.Kubelet;

/// <summary>kubeadm's cluster DNS address: the 10th address of the first service subnet (10.96.0.10 by default).</summary>
public static class ClusterDnsAddress
{
    /// <summary>What kubeadm falls back to when the service subnet cannot give a 10th address.</summary>
    public const string Fallback = "10.96.0.10";

    private const int Index = 10;

    /// <summary>The address for a (comma-separated) service subnet, or <see cref="Fallback"/> when there is none.</summary>
    public static string For(string serviceSubnet)
    {
        var first = (string.IsNullOrWhiteSpace(serviceSubnet) ? KubeadmConstants.DefaultServiceSubnet : serviceSubnet).Split(',')[0].Trim();
        return IPNetwork.TryParse(first, out var network) && Nth(network, Index) is { } address ? address.ToString() : Fallback;
    }

    private static IPAddress? Nth(IPNetwork network, int index)
    {
        var hostBits = (network.BaseAddress.GetAddressBytes().Length * 8) - network.PrefixLength;
        return hostBits < 63 && index >= (1L << hostBits) ? null : SubnetAddress.Offset(network.BaseAddress, index);
    }
}
