using System.Net;

namespace Kubeadm.Core.Pki;

/// <summary>
/// Everything that goes into one certificate except the keys: subject, CA-ness, usages, SANs and validity.
/// Pure data, so specs can be computed, compared and tested without any crypto.
/// </summary>
public sealed record CertificateSpec
{
    public required string CommonName { get; init; }

    public IReadOnlyList<string> Organizations { get; init; } = [];

    public bool IsCa { get; init; }

    public bool ServerAuth { get; init; }

    public bool ClientAuth { get; init; }

    public IReadOnlyList<string> DnsNames { get; init; } = [];

    public IReadOnlyList<IPAddress> IpAddresses { get; init; } = [];

    public required DateTimeOffset NotBefore { get; init; }

    public required DateTimeOffset NotAfter { get; init; }
}
