using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using k8s.Models;

namespace Kubeadm.Core.Security;

/// <summary>
/// Decides whether a kubelet-serving CertificateSigningRequest is this node's own and asks only for what the node
/// is: signer kubernetes.io/kubelet-serving, requested by system:node:&lt;name&gt; in system:nodes, subject
/// CN=system:node:&lt;name&gt;, O=system:nodes, server-auth usage, and DNS/IP names that are all among the node's
/// name and the addresses its Node object reports. The Kubernetes signer checks none of the names, which is why
/// kubelet serving CSRs are never approved automatically.
/// </summary>
public static class KubeletServingCsrCheck
{
    public const string SignerName = "kubernetes.io/kubelet-serving";
    public const string NodesGroup = "system:nodes";
    private const string CommonNameOid = "2.5.4.3";
    private const string OrganizationOid = "2.5.4.10";
    private static readonly string[] AllowedUsages = ["digital signature", "key encipherment", "server auth"];

    /// <summary>Null when the CSR may be approved for <paramref name="nodeName"/>; otherwise why not.</summary>
    public static string? Problem(V1CertificateSigningRequest csr, string nodeName, IEnumerable<V1NodeAddress> nodeAddresses)
    {
        ArgumentNullException.ThrowIfNull(csr);
        ArgumentNullException.ThrowIfNull(nodeAddresses);
        var spec = csr.Spec;
        var nodeUser = "system:node:" + nodeName;
        if (spec is null)
        {
            return "it has no spec";
        }

        if (spec.SignerName != SignerName)
        {
            return $"its signer is \"{spec.SignerName}\", not \"{SignerName}\"";
        }

        if (spec.Username != nodeUser || spec.Groups?.Contains(NodesGroup, StringComparer.Ordinal) != true)
        {
            return $"it was requested by \"{spec.Username}\", not by \"{nodeUser}\" in group \"{NodesGroup}\"";
        }

        var usages = spec.Usages ?? [];
        if (!usages.Contains("server auth", StringComparer.Ordinal) || usages.Any(usage => !AllowedUsages.Contains(usage, StringComparer.Ordinal)))
        {
            return $"its usages [{string.Join(", ", usages)}] are not server auth (with digital signature, key encipherment)";
        }

        CertificateRequest request;
        try
        {
            request = CertificateRequest.LoadSigningRequestPem(
                Encoding.ASCII.GetString(spec.Request), HashAlgorithmName.SHA256, CertificateRequestLoadOptions.UnsafeLoadCertificateExtensions);
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            return $"its request is not a PEM certificate request: {e.Message}";
        }

        var subject = request.SubjectName.EnumerateRelativeDistinguishedNames()
            .Select(rdn => (Oid: rdn.GetSingleElementType().Value, Value: rdn.GetSingleElementValue()))
            .ToList();
        if (subject.Count != 2 || !subject.Contains((CommonNameOid, nodeUser)) || !subject.Contains((OrganizationOid, NodesGroup)))
        {
            return $"its subject is \"{request.SubjectName.Name}\", not \"CN={nodeUser}, O={NodesGroup}\"";
        }

        return NamesProblem(request, nodeName, nodeAddresses);
    }

    private static string? NamesProblem(CertificateRequest request, string nodeName, IEnumerable<V1NodeAddress> nodeAddresses)
    {
        var addresses = nodeAddresses.ToList();
        var allowedNames = addresses.Where(a => a.Type is "Hostname" or "InternalDNS" or "ExternalDNS").Select(a => a.Address)
            .Append(nodeName).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var allowedIps = addresses.Where(a => a.Type is "InternalIP" or "ExternalIP")
            .Select(a => IPAddress.TryParse(a.Address, out var ip) ? ip : null).OfType<IPAddress>().ToHashSet();

        var extension = request.CertificateExtensions.OfType<X509SubjectAlternativeNameExtension>().FirstOrDefault()
            ?? request.CertificateExtensions.Where(e => e.Oid?.Value == "2.5.29.17")
                .Select(e => new X509SubjectAlternativeNameExtension(e.RawData, e.Critical)).FirstOrDefault();
        if (extension is null)
        {
            return "it names no DNS name or IP address";
        }

        var dnsNames = extension.EnumerateDnsNames().ToList();
        var ips = extension.EnumerateIPAddresses().ToList();
        if (dnsNames.Count + ips.Count == 0)
        {
            return "it names no DNS name or IP address";
        }

        var unknown = dnsNames.Where(name => !allowedNames.Contains(name))
            .Concat(ips.Where(ip => !allowedIps.Contains(ip)).Select(ip => ip.ToString())).ToList();
        return unknown.Count > 0
            ? $"it asks for {string.Join(", ", unknown)}, which the node \"{nodeName}\" does not have (its addresses: {string.Join(", ", addresses.Select(a => a.Address))})"
            : OtherNamesProblem(extension);
    }

    // Email and URI names (or anything else) have no place in a kubelet serving certificate; the count of all names
    // must equal the DNS names plus IPs.
    private static string? OtherNamesProblem(X509SubjectAlternativeNameExtension extension)
    {
        var reader = new System.Formats.Asn1.AsnReader(extension.RawData, System.Formats.Asn1.AsnEncodingRules.DER);
        var sequence = reader.ReadSequence();
        while (sequence.HasData)
        {
            var tag = sequence.PeekTag();
            if (tag.TagClass != System.Formats.Asn1.TagClass.ContextSpecific || tag.TagValue is not (2 or 7))
            {
                return "it asks for a name other than a DNS name or an IP address";
            }

            sequence.ReadEncodedValue();
        }

        return null;
    }
}
