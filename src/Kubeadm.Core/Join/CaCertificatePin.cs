using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Kubeadm.Core.Join;

/// <summary>
/// The --discovery-token-ca-cert-hash of a CA: "sha256:" + lowercase hex SHA-256 of the certificate's
/// SubjectPublicKeyInfo exactly as encoded in the certificate (RFC 7469 style public key pinning).
/// </summary>
public static class CaCertificatePin
{
    public const string Prefix = "sha256:";

    public static string Hash(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return Prefix + Convert.ToHexStringLower(SHA256.HashData(RawSubjectPublicKeyInfo(certificate.RawData).Span));
    }

    /// <summary>
    /// The SubjectPublicKeyInfo bytes as they appear in the certificate (not re-encoded), read from the DER:
    /// Certificate → tbsCertificate → [version], serial, signature, issuer, validity, subject, subjectPublicKeyInfo.
    /// </summary>
    public static ReadOnlyMemory<byte> RawSubjectPublicKeyInfo(ReadOnlyMemory<byte> certificateDer)
    {
        var certificate = new AsnReader(certificateDer, AsnEncodingRules.DER).ReadSequence();
        var tbs = certificate.ReadSequence();
        if (tbs.PeekTag().HasSameClassAndValue(new Asn1Tag(TagClass.ContextSpecific, 0, isConstructed: true)))
        {
            tbs.ReadEncodedValue();
        }

        tbs.ReadEncodedValue(); // serialNumber
        tbs.ReadEncodedValue(); // signature algorithm
        tbs.ReadEncodedValue(); // issuer
        tbs.ReadEncodedValue(); // validity
        tbs.ReadEncodedValue(); // subject
        return tbs.ReadEncodedValue();
    }
}
