using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Kubeadm.Core.Pki;

namespace Kubeadm.App.CertsCommands;

/// <summary>
/// PKCS#10 requests as kubeadm's external-CA flow writes them (Go's CreateCertificateRequest): the subject (O then CN)
/// and the SANs as an extension request, nothing else; signed with SHA-256, or SHA-384 for a P-384 key.
/// </summary>
public static class CertificateSigningRequests
{
    public static byte[] CreatePem(CertificateSpec spec, AsymmetricAlgorithm key)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(key);
        var subject = DistinguishedName.Build(spec.CommonName, spec.Organizations);
        var hash = key is ECDsa { KeySize: > 256 } ? HashAlgorithmName.SHA384 : HashAlgorithmName.SHA256;
        var request = key switch
        {
            RSA rsa => new CertificateRequest(subject, rsa, hash, RSASignaturePadding.Pkcs1),
            ECDsa ecdsa => new CertificateRequest(subject, ecdsa, hash),
            _ => throw new ArgumentException($"unsupported key type {key.GetType().Name}", nameof(key)),
        };
        if (spec.DnsNames.Count > 0 || spec.IpAddresses.Count > 0)
        {
            var sans = new SubjectAlternativeNameBuilder();
            foreach (var name in spec.DnsNames)
            {
                sans.AddDnsName(name);
            }

            foreach (var ip in spec.IpAddresses)
            {
                sans.AddIpAddress(ip);
            }

            request.CertificateExtensions.Add(sans.Build());
        }

        return Encoding.ASCII.GetBytes(request.CreateSigningRequestPem() + "\n");
    }
}
