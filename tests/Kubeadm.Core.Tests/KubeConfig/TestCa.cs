using System.Security.Cryptography;
using Kubeadm.Core.Pki;

namespace Kubeadm.Core.Tests.KubeConfig;

/// <summary>A throw-away ECDSA cluster CA and a fast key generator for kubeconfig tests.</summary>
public static class TestCa
{
    public static readonly DateTimeOffset StartTime = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    public static KeyAndCertificate Create(string commonName = "kubernetes")
    {
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var certificate = CertificateSigner.Issue(
            new CertificateSpec
            {
                CommonName = commonName,
                IsCa = true,
                NotBefore = StartTime.AddMinutes(-5),
                NotAfter = StartTime.AddYears(10),
            },
            key,
            issuer: null);
        return new KeyAndCertificate(certificate, key);
    }

    public static byte[] Pem(KeyAndCertificate ca) => PemCodec.EncodeCertificates(ca.Certificate);

    /// <summary>ECDSA P-256 whatever is asked for: keeps tests fast.</summary>
    public sealed class FastKeys : IKeyGenerator
    {
        public AsymmetricAlgorithm Generate(KeyAlgorithm algorithm) => ECDsa.Create(ECCurve.NamedCurves.nistP256);
    }
}
