using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Kubeadm.App.Host;

/// <summary>
/// Server-certificate validation against given roots only (the system roots are not consulted), with the host name
/// still checked, as Go's client does with a configured CA.
/// </summary>
internal static class PinnedCaValidation
{
    public static RemoteCertificateValidationCallback For(X509Certificate2Collection roots) =>
        (_, certificate, _, errors) =>
            certificate is X509Certificate2 serverCertificate
            && (errors & SslPolicyErrors.RemoteCertificateNameMismatch) == 0
            && ChainsTo(serverCertificate, roots);

    private static bool ChainsTo(X509Certificate2 certificate, X509Certificate2Collection roots)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(roots);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate);
    }
}
