using System.Security.Cryptography.X509Certificates;
using Kubeadm.Core.Configuration;
using Kubeadm.Core.Errors;

namespace Kubeadm.Core.Pki;

/// <summary>
/// Decides, by reading the certificates directory only, what each certs sub-phase will do: generate, reuse after
/// validation, or rely on an external CA. Every problem is found here, before the phase writes anything, and reported
/// as one error naming the file and what is wrong.
/// </summary>
public sealed class CertificatePlanner
{
    private readonly PkiDirectory _directory;
    private readonly KubeadmConfig _config;
    private readonly DateTimeOffset _startTime;
    private readonly DateTimeOffset _now;

    public CertificatePlanner(PkiDirectory directory, KubeadmConfig config, DateTimeOffset startTime, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(config);
        _directory = directory;
        _config = config;
        _startTime = startTime;
        _now = now;
    }

    private bool ExternalEtcd => _config.Cluster.Etcd.External is not null;

    /// <summary>True when the CA certificate exists without its key: kubeadm's external CA mode for that CA.</summary>
    public bool IsExternal(CertificateDefinition ca)
    {
        ArgumentNullException.ThrowIfNull(ca);
        return _directory.Exists(ca.CertificateFileName) && !_directory.Exists(ca.KeyFileName);
    }

    /// <summary>True when neither the certificate nor the key file exists, i.e. the phase would generate a key.</summary>
    public bool NeedsNewKey(CertificateDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return !_directory.Exists(definition.CertificateFileName) && !_directory.Exists(definition.KeyFileName)
            && (definition.IsCa || !IsExternal(CertificateCatalogue.CaOf(definition)));
    }

    public CertificatePlan PlanCa(CertificateDefinition ca)
    {
        ArgumentNullException.ThrowIfNull(ca);
        var spec = CertificateSpecs.Build(ca, _config, _startTime, []);
        var certificatePath = _directory.CertificatePath(ca.BaseName);
        var keyPath = _directory.KeyPath(ca.BaseName);
        var periodWarnings = new Dictionary<string, string>(StringComparer.Ordinal);
        var chain = _directory.LoadCertificateChain(ca.BaseName);
        if (chain is null)
        {
            return _directory.Exists(ca.KeyFileName)
                ? throw new PkiFileException(certificatePath, $"the {ca.BaseName} CA certificate does not exist but its key {keyPath} does; restore the certificate or remove the key")
                : new CertificatePlan(ca, PkiAction.Generate, spec, null, [], periodWarnings);
        }

        var certificate = LoadedCa(ca, chain, periodWarnings);
        var key = _directory.LoadPrivateKey(ca.BaseName);
        if (key is null)
        {
            foreach (var leaf in CertificateCatalogue.LeavesOf(ca, ExternalEtcd))
            {
                var leafSpec = CertificateSpecs.Build(leaf, _config, _startTime, []);
                AsExternal(ca, () =>
                {
                    if (!_directory.Exists(leaf.CertificateFileName) && !_directory.Exists(leaf.KeyFileName))
                    {
                        throw MissingUnderExternalCa(leaf, ca);
                    }

                    ValidateExistingLeaf(leaf, leafSpec, certificate, periodWarnings);
                });
            }

            return new CertificatePlan(ca, PkiAction.UseExternal, spec, null, [], periodWarnings);
        }

        return CertificateChecks.KeyMatches(certificate, key)
            ? new CertificatePlan(ca, PkiAction.UseExisting, spec, new KeyAndCertificate(certificate, key), [], periodWarnings)
            : throw new PkiFileException(keyPath, $"the private key does not match the public key of the CA certificate {certificatePath}");
    }

    public CertificatePlan PlanLeaf(CertificateDefinition leaf)
    {
        ArgumentNullException.ThrowIfNull(leaf);
        var ca = CertificateCatalogue.CaOf(leaf);
        var warnings = new List<string>();
        var spec = CertificateSpecs.Build(leaf, _config, _startTime, warnings);
        var periodWarnings = new Dictionary<string, string>(StringComparer.Ordinal);
        var caChain = _directory.LoadCertificateChain(ca.BaseName)
            ?? throw new KubeadmUserException(
                $"couldn't load CA certificate {ca.Name}: couldn't load {ca.BaseName} certificate authority from {_directory.Path}: "
                + $"{_directory.CertificatePath(ca.BaseName)} does not exist; create it first (kubeadm init phase certs {ca.Name})");
        var caCertificate = LoadedCa(ca, caChain, periodWarnings);
        var external = !_directory.Exists(ca.KeyFileName);
        if (_directory.Exists(leaf.CertificateFileName) || _directory.Exists(leaf.KeyFileName))
        {
            if (external)
            {
                AsExternal(ca, () => ValidateExistingLeaf(leaf, spec, caCertificate, periodWarnings));
            }
            else
            {
                ValidateExistingLeaf(leaf, spec, caCertificate, periodWarnings);
            }

            return new CertificatePlan(leaf, PkiAction.UseExisting, spec, null, warnings, periodWarnings);
        }

        if (external)
        {
            AsExternal(ca, () => throw MissingUnderExternalCa(leaf, ca));
        }

        var caKey = _directory.LoadPrivateKey(ca.BaseName)!;
        return CertificateChecks.KeyMatches(caCertificate, caKey)
            ? new CertificatePlan(leaf, PkiAction.Generate, spec, new KeyAndCertificate(caCertificate, caKey), warnings, periodWarnings)
            : throw new PkiFileException(
                _directory.KeyPath(ca.BaseName), $"the private key does not match the public key of the CA certificate {_directory.CertificatePath(ca.BaseName)}");
    }

    /// <summary>sa.key is reused when it loads (kubeadm checks nothing more); with an external cluster CA it is not touched.</summary>
    public PkiAction PlanServiceAccount()
    {
        if (IsExternal(CertificateCatalogue.Ca))
        {
            return PkiAction.UseExternal;
        }

        try
        {
            return _directory.LoadPrivateKeyFile(CertificateCatalogue.ServiceAccountKeyFileName) is null ? PkiAction.Generate : PkiAction.UseExisting;
        }
        catch (PkiFileException e)
        {
            throw new PkiFileException(e.Path, $"file {CertificateCatalogue.ServiceAccountKeyFileName} existed but it could not be loaded properly: {e.Message}", e);
        }
    }

    private X509Certificate2 LoadedCa(CertificateDefinition ca, IReadOnlyList<X509Certificate2> chain, Dictionary<string, string> periodWarnings)
    {
        var certificate = chain[0];
        if (!CertificateChecks.IsCa(certificate))
        {
            throw new PkiFileException(_directory.CertificatePath(ca.BaseName), $"certificate {ca.BaseName} is not a CA");
        }

        if (CertificateChecks.PeriodProblem(certificate, _now) is { } problem)
        {
            periodWarnings[ca.BaseName] = $"WARNING: could not validate bounds for certificate {ca.BaseName}: {problem}";
        }

        return certificate;
    }

    private void ValidateExistingLeaf(
        CertificateDefinition leaf, CertificateSpec spec, X509Certificate2 caCertificate, Dictionary<string, string> periodWarnings)
    {
        var certificatePath = _directory.CertificatePath(leaf.BaseName);
        var keyPath = _directory.KeyPath(leaf.BaseName);
        // The key first, as kubeadm: a stray unreadable key is reported as such, not as a missing certificate.
        using var key = _directory.LoadPrivateKey(leaf.BaseName)
            ?? throw new PkiFileException(keyPath, $"the private key of certificate {certificatePath} does not exist");
        var chain = _directory.LoadCertificateChain(leaf.BaseName)
            ?? throw new PkiFileException(certificatePath, $"certificate {leaf.BaseName} does not exist but its key {keyPath} does; restore the certificate or remove the key");
        var certificate = chain[0];
        if (!CertificateChecks.KeyMatches(certificate, key))
        {
            throw new PkiFileException(keyPath, $"the private key does not match the public key of certificate {certificatePath}");
        }

        if (!CertificateChecks.IsSignedBy(certificate, chain.Skip(1), caCertificate))
        {
            throw new PkiFileException(certificatePath, $"certificate {leaf.BaseName} is not signed by corresponding CA {_directory.CertificatePath(CertificateCatalogue.CaOf(leaf).BaseName)}");
        }

        if (CertificateChecks.PeriodProblem(certificate, _now) is { } problem)
        {
            throw new PkiFileException(certificatePath, $"certificate {leaf.BaseName} cannot be used: {problem}");
        }

        var missing = CertificateChecks.MissingSans(certificate, new AltNames(spec.DnsNames, spec.IpAddresses));
        if (missing.Count > 0)
        {
            throw new PkiFileException(
                certificatePath,
                $"certificate {leaf.BaseName} is invalid: it lacks SANs the configuration requires: {string.Join(", ", missing)}; remove the certificate and key to have them regenerated");
        }
    }

    private PkiFileException MissingUnderExternalCa(CertificateDefinition leaf, CertificateDefinition ca) => new(
        _directory.CertificatePath(leaf.BaseName),
        $"certificate {leaf.BaseName} does not exist, and it cannot be signed without the CA key {_directory.KeyPath(ca.BaseName)}");

    private static void AsExternal(CertificateDefinition ca, Action validate)
    {
        try
        {
            validate();
        }
        catch (PkiFileException e)
        {
            throw new KubeadmUserException($"invalid or incomplete external {ca.ExternalCaLabel}: {e.Message}", e);
        }
    }
}
