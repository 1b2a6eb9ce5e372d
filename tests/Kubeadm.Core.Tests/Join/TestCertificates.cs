using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Kubeadm.Core.Pki;

namespace Kubeadm.Core.Tests.Join;

/// <summary>Throw-away self-signed CA certificates for join-command tests.</summary>
internal static class TestCertificates
{
    public static X509Certificate2 EcdsaCa(string name = "kubernetes")
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return SelfSigned(new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256));
    }

    public static X509Certificate2 RsaCa(string name = "kubernetes")
    {
        using var key = RSA.Create(2048);
        return SelfSigned(new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }

    public static string Base64Pem(params X509Certificate2[] certificates) => Convert.ToBase64String(PemCodec.EncodeCertificates(certificates));

    private static X509Certificate2 SelfSigned(CertificateRequest request)
    {
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        var now = DateTimeOffset.UtcNow;
        return request.CreateSelfSigned(now.AddMinutes(-5), now.AddYears(10));
    }
}
