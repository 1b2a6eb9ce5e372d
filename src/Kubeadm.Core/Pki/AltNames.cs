using System.Net;

namespace Kubeadm.Core.Pki;

/// <summary>Subject alternative names as kubeadm puts them in a certificate: DNS names sorted and unique, IPs unique in first-seen order.</summary>
public sealed record AltNames
{
    public static AltNames Empty { get; } = new([], []);

    public AltNames(IEnumerable<string> dnsNames, IEnumerable<IPAddress> ipAddresses)
    {
        ArgumentNullException.ThrowIfNull(dnsNames);
        ArgumentNullException.ThrowIfNull(ipAddresses);
        DnsNames = [.. dnsNames.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        IpAddresses = [.. ipAddresses.Where(ip => seen.Add(ip.ToString()))];
    }

    public IReadOnlyList<string> DnsNames { get; }

    public IReadOnlyList<IPAddress> IpAddresses { get; }

    /// <summary>kubeadm's console wording: <c>DNS names [a b] and IPs [1.2.3.4 ::1]</c>.</summary>
    public string Describe() =>
        $"DNS names [{string.Join(' ', DnsNames)}] and IPs [{string.Join(' ', IpAddresses.Select(ip => ip.ToString()))}]";

    /// <summary>DNS names then IPs, comma separated, as in kubeadm's "Default SANs are ..." help line.</summary>
    public string ToHelpList() => string.Join(", ", DnsNames.Concat(IpAddresses.Select(ip => ip.ToString())));
}
