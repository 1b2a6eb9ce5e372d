using System.Net;
using System.Numerics;

namespace Kubeadm.Core.IPAddressing;

/// <summary>Address arithmetic on subnets (the kubernetes Service IP, the cluster DNS IP, proxy probes).</summary>
public static class SubnetAddress
{
    /// <summary>
    /// <paramref name="baseAddress"/> + <paramref name="offset"/>, or null when the sum does not fit the address family.
    /// Whether the result is still inside a given subnet is the caller's rule.
    /// </summary>
    public static IPAddress? Offset(IPAddress baseAddress, int offset)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        var bytes = baseAddress.GetAddressBytes();
        var value = new BigInteger(bytes, isUnsigned: true, isBigEndian: true) + offset;
        var result = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        if (value.Sign < 0 || result.Length > bytes.Length)
        {
            return null;
        }

        var padded = new byte[bytes.Length];
        result.CopyTo(padded, bytes.Length - result.Length);
        return new IPAddress(padded);
    }
}
