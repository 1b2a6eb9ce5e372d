using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Kubeadm.Core.Constants;
using Kubeadm.Core.Errors;
using Kubeadm.Core.Pki;

namespace Kubeadm.App.CertsCommands;

/// <summary>
/// `kubeadm certs renew`: re-issues a certificate from the CA on disk, using the existing certificate as the template
/// (subject, SANs, usages). Like kubeadm, it gives it a new private key of the configured encryptionAlgorithm and a
/// validity from now − 5 minutes to now + certificateValidityPeriod. A certificate whose CA has no key is skipped with
/// kubeadm's "Detected external" line; a missing one with its "MISSING!" line.
/// </summary>
public sealed class CertificateRenewer
{
    public const string DoneMessage =
        "Done renewing certificates. You must restart the kube-apiserver, kube-controller-manager, kube-scheduler and etcd, so that they can use the new certificates.";

    private readonly CertsCommandContext _context;

    public CertificateRenewer(CertsCommandContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
    }

    /// <summary>The certificates this configuration knows (no etcd ones with external etcd).</summary>
    public IReadOnlyList<RenewableCertificate> Known => RenewableCertificates.For(_context.Config.Cluster.Etcd.External is not null);

    public void RenewAll()
    {
        foreach (var target in Known)
        {
            Renew(target);
        }

        _context.Out.WriteLine();
        _context.Out.WriteLine(DoneMessage);
    }

    public void Renew(RenewableCertificate target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (!Known.Contains(target) || !ExpirationChecker.Exists(_context, target))
        {
            _context.Out.WriteLine($"MISSING! {target.LongName}");
            return;
        }

        var ca = CertificateCatalogue.ByName(target.CaName);
        if (new ExternalCaDetector(_context.Pki).IsExternallyManaged(ca))
        {
            _context.Out.WriteLine($"Detected external {target.CaBaseName}, {target.LongName} can't be renewed");
            return;
        }

        using var current = ExpirationChecker.Read(_context, target);
        var issuer = LoadCa(ca);
        try
        {
            var now = _context.Clock.GetUtcNow();
            var period = _context.Config.Cluster.CertificateValidityPeriod ?? KubeadmConstants.CertificateValidityPeriod;
            var spec = CertificateTemplate.From(current, now - CertificateSpecs.Backdate, now + period);
            using var key = ExistingKey(target, current) ?? _context.KeyGenerator.Generate(CertificateSpecs.KeyAlgorithmOf(_context.Config));
            using var renewed = Issue(target, spec, key, issuer);
            Write(target, renewed, key, issuer.Certificate);
        }
        finally
        {
            issuer.Certificate.Dispose();
            issuer.Key?.Dispose();
        }

        _context.Out.WriteLine($"{target.LongName} renewed");
    }

    /// <summary>
    /// The key the certificate already has, so that renewal changes only the validity (kubeadm itself makes a new key;
    /// keeping it means nothing that pinned or cached the key breaks). Null — a new key is made — when the key is
    /// missing, unreadable or does not match.
    /// </summary>
    private AsymmetricAlgorithm? ExistingKey(RenewableCertificate target, X509Certificate2 current)
    {
        AsymmetricAlgorithm? key;
        try
        {
            key = target.KubeconfigFileName is { } fileName
                ? KubeconfigClientCertificate.Read(_context.FileSystem, _context.KubeconfigPath(fileName)).LoadKey()
                : _context.Pki.LoadPrivateKey(target.PkiBaseName!);
        }
        catch (KubeadmUserException e)
        {
            _context.Err.WriteLine($"WARNING: the existing key of {target.Name} could not be read ({e.Message}); a new key is generated");
            return null;
        }

        if (key is not null && !CertificateChecks.KeyMatches(current, key))
        {
            _context.Err.WriteLine($"WARNING: the existing key of {target.Name} does not match its certificate; a new key is generated");
            key.Dispose();
            return null;
        }

        return key;
    }

    private KeyAndCertificate LoadCa(CertificateDefinition ca)
    {
        var pki = _context.Pki;
        try
        {
            var certificate = ExpirationChecker.ReadPki(pki, ca.BaseName);
            var key = pki.LoadPrivateKey(ca.BaseName)
                ?? throw new KubeadmUserException($"couldn't load the private key file {pki.KeyPath(ca.BaseName)}: no such file or directory");
            if (!CertificateChecks.KeyMatches(certificate, key))
            {
                throw new KubeadmUserException($"the private key {pki.KeyPath(ca.BaseName)} does not match the certificate {pki.CertificatePath(ca.BaseName)}");
            }

            return new KeyAndCertificate(certificate, key);
        }
        catch (KubeadmUserException e)
        {
            throw new KubeadmUserException($"failure loading {ca.BaseName} certificate authority: {e.Message}", e);
        }
    }

    private static X509Certificate2 Issue(RenewableCertificate target, CertificateSpec spec, AsymmetricAlgorithm key, KeyAndCertificate issuer)
    {
        try
        {
            return CertificateSigner.Issue(spec, key, issuer);
        }
        catch (ArgumentException e)
        {
            throw new KubeadmUserException($"failed to renew certificate {target.Name}: {e.Message}", e);
        }
    }

    private void Write(RenewableCertificate target, X509Certificate2 certificate, AsymmetricAlgorithm key, X509Certificate2 caCertificate)
    {
        if (target.KubeconfigFileName is { } fileName)
        {
            KubeconfigClientCertificate.Read(_context.FileSystem, _context.KubeconfigPath(fileName)).Replace(caCertificate, certificate, key);
            return;
        }

        try
        {
            _context.Pki.WriteCertificateAndKey(target.PkiBaseName!, certificate, key);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new KubeadmUserException($"failed to write new certificate {target.PkiBaseName}: {e.Message}", e);
        }
    }
}
