using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using k8s.Models;

namespace Kubeadm.Tests.Shared;

/// <summary>Kubelet-serving certificate requests as a kubelet makes them (shared by the unit and real API server tests).</summary>
internal static class ServingCsrFactory
{
    public static readonly string[] KubeletUsages = ["digital signature", "key encipherment", "server auth"];

    /// <summary>A PEM PKCS#10 request with the given subject and DNS/IP names, signed by a new RSA-2048 key.</summary>
    public static string RequestPem(string subject, IEnumerable<string> dnsNames, IEnumerable<IPAddress> ips, string? email = null)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        foreach (var dns in dnsNames)
        {
            names.AddDnsName(dns);
        }

        foreach (var ip in ips)
        {
            names.AddIpAddress(ip);
        }

        if (email is not null)
        {
            names.AddEmailAddress(email);
        }

        request.CertificateExtensions.Add(names.Build());
        return request.CreateSigningRequestPem();
    }

    /// <summary>The kubelet's request for node <paramref name="node"/>: CN=system:node:&lt;node&gt;, O=system:nodes.</summary>
    public static string NodeRequestPem(string node, IEnumerable<string> dnsNames, IEnumerable<IPAddress> ips) =>
        RequestPem($"CN=system:node:{node}, O=system:nodes", dnsNames, ips);

    /// <summary>The object as the API server stores it (username and groups are the requester's).</summary>
    public static V1CertificateSigningRequest Object(
        string name, string pem, string username, string signer = "kubernetes.io/kubelet-serving", IList<string>? usages = null) => new()
    {
        ApiVersion = "certificates.k8s.io/v1",
        Kind = "CertificateSigningRequest",
        Metadata = new V1ObjectMeta { Name = name },
        Spec = new V1CertificateSigningRequestSpec
        {
            Request = Encoding.ASCII.GetBytes(pem),
            SignerName = signer,
            Usages = usages ?? [.. KubeletUsages],
            Username = username,
            Groups = ["system:nodes", "system:authenticated"],
        },
    };
}
