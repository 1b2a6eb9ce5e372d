using System.Security.Cryptography.X509Certificates;
using Kubeadm.Core.Errors;
using Kubeadm.Core.Pki;

namespace Kubeadm.App.CertsCommands;

/// <summary>
/// Builds kubeadm's expiration report from the files on disk: each known certificate and CA, its NotAfter and whether
/// its CA is externally managed. A missing file is a "missing" row; a file that exists but cannot be read is an error.
/// </summary>
public static class ExpirationChecker
{
    public static CertificateExpirationReport Check(CertsCommandContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var externalEtcd = context.Config.Cluster.Etcd.External is not null;
        var now = context.Clock.GetUtcNow();
        var pki = context.Pki;
        var detector = new ExternalCaDetector(pki);
        var certificates = new List<CertificateExpiration>();
        foreach (var target in RenewableCertificates.For(externalEtcd))
        {
            if (!Exists(context, target))
            {
                certificates.Add(CertificateExpiration.MissingFile(target.Name));
                continue;
            }

            var external = detector.IsExternallyManaged(CertificateCatalogue.ByName(target.CaName));
            using var certificate = Read(context, target);
            certificates.Add(Row(target.Name, certificate, now, external, target.CaName));
        }

        var authorities = new List<CertificateExpiration>();
        foreach (var ca in RenewableCertificates.CertificateAuthorities(externalEtcd))
        {
            if (!pki.Exists(ca.CertificateFileName))
            {
                authorities.Add(CertificateExpiration.MissingFile(ca.Name));
                continue;
            }

            var external = detector.IsExternallyManaged(ca);
            using var certificate = ReadPki(pki, ca.BaseName);
            authorities.Add(Row(ca.Name, certificate, now, external, ""));
        }

        return new CertificateExpirationReport(certificates, authorities);
    }

    public static bool Exists(CertsCommandContext context, RenewableCertificate target)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(target);
        return target.KubeconfigFileName is { } fileName
            ? context.FileSystem.FileExists(context.KubeconfigPath(fileName))
            : context.Pki.Exists(target.PkiBaseName + ".crt");
    }

    /// <summary>The current certificate: the first of the PKI file, or the one embedded in the kubeconfig.</summary>
    public static X509Certificate2 Read(CertsCommandContext context, RenewableCertificate target)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(target);
        if (target.KubeconfigFileName is { } fileName)
        {
            // kubeadm also loads the CA certificate here, to refresh it in the file on renewal.
            ReadPki(context.Pki, target.CaBaseName).Dispose();
            return KubeconfigClientCertificate.Read(context.FileSystem, context.KubeconfigPath(fileName)).Certificate;
        }

        return ReadPki(context.Pki, target.PkiBaseName!);
    }

    public static X509Certificate2 ReadPki(PkiDirectory pki, string baseName)
    {
        ArgumentNullException.ThrowIfNull(pki);
        try
        {
            var chain = pki.LoadCertificateChain(baseName)
                ?? throw new KubeadmUserException($"{pki.CertificatePath(baseName)} does not exist");
            foreach (var extra in chain.Skip(1))
            {
                extra.Dispose();
            }

            return chain[0];
        }
        catch (KubeadmUserException e)
        {
            throw new KubeadmUserException($"failed to load existing certificate {baseName}: {e.Message}", e);
        }
    }

    private static CertificateExpiration Row(string name, X509Certificate2 certificate, DateTimeOffset now, bool external, string caName)
    {
        var notAfter = new DateTimeOffset(certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero);
        // Go converts the duration to whole seconds by truncation toward zero.
        var residual = (long)(notAfter - now).TotalSeconds;
        return new CertificateExpiration(name, notAfter, residual, external, caName, false);
    }
}
