using System.Security.Cryptography.X509Certificates;

namespace Kubeadm.Core.Pki;

/// <summary>Builds a subject with kubeadm's attributes: one O per organization, then the CN.</summary>
public static class DistinguishedName
{
    public static X500DistinguishedName Build(string commonName, IReadOnlyList<string> organizations)
    {
        ArgumentNullException.ThrowIfNull(organizations);
        var builder = new X500DistinguishedNameBuilder();
        foreach (var organization in organizations)
        {
            builder.AddOrganizationName(organization);
        }

        builder.AddCommonName(commonName);
        return builder.Build();
    }
}
