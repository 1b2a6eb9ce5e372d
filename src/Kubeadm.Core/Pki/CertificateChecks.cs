using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Kubeadm.Core.Pki;

/// <summary>The checks kubeadm makes on certificates it finds on disk, as pure functions of the loaded objects.</summary>
public static class CertificateChecks
{
    public static bool IsCa(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return certificate.Extensions.OfType<X509BasicConstraintsExtension>().FirstOrDefault() is { CertificateAuthority: true };
    }

    /// <summary>True when <paramref name="key"/> is the private half of the certificate's public key.</summary>
    public static bool KeyMatches(X509Certificate2 certificate, AsymmetricAlgorithm key)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(key);
        return certificate.PublicKey.ExportSubjectPublicKeyInfo().AsSpan().SequenceEqual(key.ExportSubjectPublicKeyInfo());
    }

    /// <summary>
    /// Whether <paramref name="leaf"/> chains to <paramref name="ca"/> (through <paramref name="intermediates"/>), checking
    /// signatures only, like Go's Verify with any usage; validity dates are checked separately.
    /// </summary>
    public static bool IsSignedBy(X509Certificate2 leaf, IEnumerable<X509Certificate2> intermediates, X509Certificate2 ca)
    {
        ArgumentNullException.ThrowIfNull(leaf);
        ArgumentNullException.ThrowIfNull(intermediates);
        ArgumentNullException.ThrowIfNull(ca);
        using var chain = new X509Chain();
        var policy = chain.ChainPolicy;
        policy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        policy.CustomTrustStore.Add(ca);
        policy.ExtraStore.AddRange(intermediates.ToArray());
        policy.RevocationMode = X509RevocationMode.NoCheck;
        policy.DisableCertificateDownloads = true;
        policy.VerificationFlags = X509VerificationFlags.IgnoreNotTimeValid | X509VerificationFlags.IgnoreCtlNotTimeValid;
        var built = chain.Build(leaf);
        var root = chain.ChainElements.Count > 0 ? chain.ChainElements[^1].Certificate : null;
        return built && root is not null && root.RawDataMemory.Span.SequenceEqual(ca.RawDataMemory.Span);
    }

    /// <summary>kubeadm's period check: null when valid at <paramref name="now"/>, else why not (Go's wording).</summary>
    public static string? PeriodProblem(X509Certificate2 certificate, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var notBefore = new DateTimeOffset(certificate.NotBefore.ToUniversalTime());
        var notAfter = new DateTimeOffset(certificate.NotAfter.ToUniversalTime());
        var period = $"NotBefore: {GoTime(notBefore)}, NotAfter: {GoTime(notAfter)}";
        if (now < notBefore)
        {
            return $"the certificate is not valid yet: {period}";
        }

        return now > notAfter ? $"the certificate has expired: {period}" : null;
    }

    /// <summary>
    /// The expected SANs the certificate does not cover, as <c>DNS:name</c> / <c>IP:address</c>. A DNS name is covered
    /// by an equal name (case-insensitive) or a one-label wildcard, an IP only by an equal IP, as in Go's VerifyHostname.
    /// </summary>
    public static IReadOnlyList<string> MissingSans(X509Certificate2 certificate, AltNames expected)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(expected);
        var (dnsNames, ips) = SansOf(certificate);
        var missing = new List<string>();
        missing.AddRange(expected.DnsNames.Where(name => !dnsNames.Any(pattern => DnsMatches(pattern, name))).Select(n => "DNS:" + n));
        missing.AddRange(expected.IpAddresses.Where(ip => !ips.Any(ip.Equals)).Select(ip => "IP:" + ip));
        return missing;
    }

    public static (IReadOnlyList<string> DnsNames, IReadOnlyList<IPAddress> IpAddresses) SansOf(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var extension = certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>().FirstOrDefault();
        return extension is null
            ? ([], [])
            : ([.. extension.EnumerateDnsNames()], [.. extension.EnumerateIPAddresses().Select(Unmap)]);
    }

    private static IPAddress Unmap(IPAddress ip) => ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip;

    private static bool DnsMatches(string pattern, string name)
    {
        if (string.Equals(pattern, name, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (!pattern.StartsWith("*.", StringComparison.Ordinal) || name.StartsWith('*'))
        {
            return false;
        }

        var firstDot = name.IndexOf('.', StringComparison.Ordinal);
        return firstDot > 0 && string.Equals(pattern[1..], name[firstDot..], StringComparison.OrdinalIgnoreCase);
    }

    // Go prints time.Time with %v as "2006-01-02 15:04:05 +0000 UTC".
    private static string GoTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy'-'MM'-'dd HH':'mm':'ss '+0000 UTC'", System.Globalization.CultureInfo.InvariantCulture);
}
