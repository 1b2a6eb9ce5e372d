using System.Security.Cryptography.X509Certificates;

namespace Kubeadm.Core.Pki;

/// <summary>Builds a subject encoded as Go's crypto/x509 encodes kubeadm's: the O attributes first, then the CN.</summary>
public static class DistinguishedName
{
    public static X500DistinguishedName Build(string commonName, IReadOnlyList<string> organizations)
    {
        ArgumentNullException.ThrowIfNull(organizations);

        // X500DistinguishedNameBuilder encodes the attributes in the reverse of the order they are added.
        var builder = new X500DistinguishedNameBuilder();
        builder.AddCommonName(commonName);
        foreach (var organization in organizations.Reverse())
        {
            builder.AddOrganizationName(organization);
        }

        return builder.Build();
    }
}
