namespace Kubeadm.App.CertsCommands;

/// <summary>One row of `kubeadm certs check-expiration` (kubeadm's output.kubeadm.k8s.io/v1alpha3 Certificate).</summary>
/// <param name="Name">The certificate (or kubeconfig file, or CA) name.</param>
/// <param name="ExpirationDate">NotAfter, in UTC; null when the file is missing.</param>
/// <param name="ResidualTimeSeconds">Whole seconds from now until expiration (negative once expired).</param>
/// <param name="ExternallyManaged">True when the signing CA (or this CA) has no key on disk.</param>
/// <param name="CaName">The signing CA's name; empty for a CA.</param>
/// <param name="Missing">True when the certificate file does not exist.</param>
public sealed record CertificateExpiration(
    string Name, DateTimeOffset? ExpirationDate, long ResidualTimeSeconds, bool ExternallyManaged, string CaName, bool Missing)
{
    public static CertificateExpiration MissingFile(string name) => new(name, null, 0, false, "", true);
}
