namespace Kubeadm.App.CertsCommands;

/// <summary>What `kubeadm certs check-expiration` reports (kubeadm's CertificateExpirationInfo): leaves, then CAs.</summary>
public sealed record CertificateExpirationReport(
    IReadOnlyList<CertificateExpiration> Certificates, IReadOnlyList<CertificateExpiration> CertificateAuthorities)
{
    public const string ApiVersion = "output.kubeadm.k8s.io/v1alpha3";
    public const string Kind = "CertificateExpirationInfo";
}
