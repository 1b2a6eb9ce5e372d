using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Kubeadm.Core.Pki;

namespace Kubeadm.App.CertsCommands;

/// <summary>
/// The attributes kubeadm carries over when it renews a certificate: subject CN and O, DNS and IP SANs (in the order
/// the certificate lists them) and the server/client extended key usages. Nothing is taken from the configuration.
/// </summary>
public static class CertificateTemplate
{
    private const string CommonNameOid = "2.5.4.3";
    private const string OrganizationOid = "2.5.4.10";
    private const string ServerAuthOid = "1.3.6.1.5.5.7.3.1";
    private const string ClientAuthOid = "1.3.6.1.5.5.7.3.2";

    public static CertificateSpec From(X509Certificate2 certificate, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var commonName = "";
        var organizations = new List<string>();
        foreach (var rdn in certificate.SubjectName.EnumerateRelativeDistinguishedNames())
        {
            switch (rdn.GetSingleElementType().Value)
            {
                case CommonNameOid:
                    commonName = rdn.GetSingleElementValue() ?? "";
                    break;
                case OrganizationOid:
                    organizations.Add(rdn.GetSingleElementValue() ?? "");
                    break;
            }
        }

        var usages = certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>().FirstOrDefault()?.EnhancedKeyUsages;
        var (dnsNames, ips) = CertificateChecks.SansOf(certificate);
        return new CertificateSpec
        {
            CommonName = commonName,
            Organizations = organizations,
            ServerAuth = HasUsage(usages, ServerAuthOid),
            ClientAuth = HasUsage(usages, ClientAuthOid),
            DnsNames = dnsNames,
            IpAddresses = ips,
            NotBefore = notBefore,
            NotAfter = notAfter,
        };
    }

    private static bool HasUsage(OidCollection? usages, string oid) =>
        usages is not null && usages.Cast<Oid>().Any(u => u.Value == oid);
}
