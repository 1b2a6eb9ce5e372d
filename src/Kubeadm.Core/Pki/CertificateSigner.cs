using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Kubeadm.Core.Pki;

/// <summary>
/// Issues X.509 certificates the way kubeadm's pkiutil (on Go's crypto/x509) does: random serial in [1, 2^63−1), KeyUsage
/// DigitalSignature|KeyEncipherment (+CertSign for a CA), basic constraints always present, CAs carry their CN as a DNS SAN
/// and a subject key identifier, leaves an authority key identifier pointing at their CA. The signature hash follows the
/// signing key as in Go: SHA-256 for RSA and P-256, SHA-384 for P-384. A CA is self-signed when no issuer is given.
/// </summary>
public static class CertificateSigner
{
    private const string ServerAuthOid = "1.3.6.1.5.5.7.3.1";
    private const string ClientAuthOid = "1.3.6.1.5.5.7.3.2";

    public static X509Certificate2 Issue(CertificateSpec spec, AsymmetricAlgorithm subjectKey, KeyAndCertificate? issuer)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(subjectKey);
        if (spec.CommonName.Length == 0)
        {
            throw new ArgumentException("a certificate must have a common name", nameof(spec));
        }

        if (!spec.IsCa && !spec.ServerAuth && !spec.ClientAuth)
        {
            throw new ArgumentException($"certificate {spec.CommonName} must have at least one extended key usage", nameof(spec));
        }

        var signingKey = issuer is null
            ? subjectKey
            : issuer.Key ?? throw new InvalidOperationException($"CA {issuer.Certificate.Subject} has no private key to sign with");
        var request = CreateRequest(spec, subjectKey, HashFor(signingKey), issuer?.Certificate);
        var serial = RandomSerial();
        var issuerName = issuer is null ? request.SubjectName : issuer.Certificate.SubjectName;

        // The returned certificate carries no private key: keys travel separately in KeyAndCertificate.
        using var issued = request.Create(issuerName, Generator(signingKey), spec.NotBefore, spec.NotAfter, serial);
        return X509CertificateLoader.LoadCertificate(issued.RawData);
    }

    private static CertificateRequest CreateRequest(CertificateSpec spec, AsymmetricAlgorithm key, HashAlgorithmName hash, X509Certificate2? issuer)
    {
        var subject = DistinguishedName.Build(spec.CommonName, spec.Organizations);
        var request = new CertificateRequest(subject, new PublicKey(key), hash, key is RSA ? RSASignaturePadding.Pkcs1 : null);

        var usage = X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment;
        if (spec.IsCa)
        {
            usage |= X509KeyUsageFlags.KeyCertSign;
        }

        request.CertificateExtensions.Add(new X509KeyUsageExtension(usage, critical: true));
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(spec.IsCa, false, 0, critical: true));
        var ekus = new OidCollection();
        if (spec.ServerAuth)
        {
            ekus.Add(new Oid(ServerAuthOid));
        }

        if (spec.ClientAuth)
        {
            ekus.Add(new Oid(ClientAuthOid));
        }

        if (ekus.Count > 0)
        {
            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(ekus, critical: false));
        }

        if (spec.IsCa)
        {
            request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        }

        if (issuer?.Extensions.OfType<X509SubjectKeyIdentifierExtension>().FirstOrDefault() is { } issuerKeyId)
        {
            request.CertificateExtensions.Add(
                X509AuthorityKeyIdentifierExtension.CreateFromSubjectKeyIdentifier(issuerKeyId.SubjectKeyIdentifierBytes.Span));
        }

        var dnsNames = spec.IsCa && spec.DnsNames.Count == 0 ? [spec.CommonName] : spec.DnsNames;
        if (dnsNames.Count > 0 || spec.IpAddresses.Count > 0)
        {
            var sans = new SubjectAlternativeNameBuilder();
            foreach (var name in dnsNames)
            {
                sans.AddDnsName(name);
            }

            foreach (var ip in spec.IpAddresses)
            {
                sans.AddIpAddress(ip);
            }

            request.CertificateExtensions.Add(sans.Build());
        }

        return request;
    }

    private static HashAlgorithmName HashFor(AsymmetricAlgorithm signingKey) => signingKey switch
    {
        ECDsa { KeySize: > 256 and <= 384 } => HashAlgorithmName.SHA384,
        ECDsa { KeySize: > 384 } => HashAlgorithmName.SHA512,
        _ => HashAlgorithmName.SHA256,
    };

    private static X509SignatureGenerator Generator(AsymmetricAlgorithm key) => key switch
    {
        RSA rsa => X509SignatureGenerator.CreateForRSA(rsa, RSASignaturePadding.Pkcs1),
        ECDsa ecdsa => X509SignatureGenerator.CreateForECDsa(ecdsa),
        _ => throw new ArgumentException($"unsupported key type {key.GetType().Name}", nameof(key)),
    };

    /// <summary>Uniform in [1, 2^63−1), big-endian, as Go's rand.Int over MaxInt64 then +1.</summary>
    private static byte[] RandomSerial()
    {
        const long Max = long.MaxValue - 1;
        Span<byte> buffer = stackalloc byte[8];
        long value;
        do
        {
            RandomNumberGenerator.Fill(buffer);
            value = (long)(BitConverter.ToUInt64(buffer) >> 1);
        }
        while (value >= Max);

        // Signed two's-complement bytes keep a leading zero when the top bit is set, so the DER INTEGER stays positive.
        return new BigInteger(value + 1).ToByteArray(isUnsigned: false, isBigEndian: true);
    }
}
