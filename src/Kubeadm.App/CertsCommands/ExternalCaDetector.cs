using System.Security.Cryptography.X509Certificates;
using Kubeadm.Core.Errors;
using Kubeadm.Core.Pki;

namespace Kubeadm.App.CertsCommands;

/// <summary>
/// kubeadm's "externally managed" test for one CA: its certificate must load and be a CA; it is external when its key
/// is absent, and then every certificate it signs must already exist and chain to it. Problems are errors, as in kubeadm.
/// </summary>
public sealed class ExternalCaDetector
{
    private readonly PkiDirectory _pki;

    public ExternalCaDetector(PkiDirectory pki)
    {
        ArgumentNullException.ThrowIfNull(pki);
        _pki = pki;
    }

    public bool IsExternallyManaged(CertificateDefinition ca)
    {
        ArgumentNullException.ThrowIfNull(ca);
        try
        {
            var caCertificate = LoadCa(ca);
            if (_pki.Exists(ca.KeyFileName))
            {
                return false;
            }

            foreach (var leaf in CertificateCatalogue.LeavesOf(ca, externalEtcd: false))
            {
                ValidateSignedBy(leaf, caCertificate);
            }

            return true;
        }
        catch (KubeadmUserException e)
        {
            throw new KubeadmUserException($"Error checking external CA condition for {ca.BaseName} certificate authority: {e.Message}", e);
        }
    }

    private X509Certificate2 LoadCa(CertificateDefinition ca)
    {
        var chain = _pki.LoadCertificateChain(ca.BaseName)
            ?? throw new KubeadmUserException(
                $"failure loading {ca.ExternalCaLabel} certificate: couldn't load the certificate file {_pki.CertificatePath(ca.BaseName)}: no such file or directory");
        return CertificateChecks.IsCa(chain[0])
            ? chain[0]
            : throw new KubeadmUserException($"{ca.ExternalCaLabel} certificate {_pki.CertificatePath(ca.BaseName)} is not a valid CA");
    }

    private void ValidateSignedBy(CertificateDefinition leaf, X509Certificate2 ca)
    {
        var chain = _pki.LoadCertificateChain(leaf.BaseName)
            ?? throw new KubeadmUserException(
                $"failure loading certificate {leaf.BaseName}: couldn't load the certificate file {_pki.CertificatePath(leaf.BaseName)}: no such file or directory");
        if (!CertificateChecks.IsSignedBy(chain[0], chain.Skip(1), ca))
        {
            throw new KubeadmUserException(
                $"certificate {_pki.CertificatePath(leaf.BaseName)} is not signed by the CA certificate {_pki.CertificatePath(CertificateCatalogue.CaOf(leaf).BaseName)}");
        }
    }
}
