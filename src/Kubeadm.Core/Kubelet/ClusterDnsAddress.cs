using System.Net;
using System.Numerics;
using Kubeadm.Core.Constants;

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
        var bytes = network.BaseAddress.GetAddressBytes();
        var bits = bytes.Length * 8;
        var hostBits = bits - network.PrefixLength;
        if (hostBits < 63 && index >= (1L << hostBits))
        {
            return null;
        }

        var value = new BigInteger(bytes, isUnsigned: true, isBigEndian: true) + index;
        var result = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        if (result.Length > bytes.Length)
        {
            return null;
        }

        var padded = new byte[bytes.Length];
        result.CopyTo(padded, bytes.Length - result.Length);
        return new IPAddress(padded);
    }
}
