using Kubeadm.Core.Errors;
using Kubeadm.Core.Host;
using Kubeadm.Core.KubeConfig;
using Kubeadm.Core.Pki;

namespace Kubeadm.App.CertsCommands;

/// <summary>
/// `kubeadm certs generate-csr` (external CA mode): a key and a CSR for every certificate a CA signs, and for every
/// kubeconfig file a partial kubeconfig holding only the client key plus a CSR beside it. Keys, kubeconfigs and CSRs
/// are written 0600. kubeadm refuses to overwrite anything; here every target is checked before the first write, so a
/// refusal leaves the disk untouched.
/// </summary>
public sealed class CsrGenerator
{
    private readonly CertsCommandContext _context;

    public CsrGenerator(CertsCommandContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
    }

    /// <summary>The leaves kubeadm requests certificates for: every one of the default list, etcd included.</summary>
    public static IReadOnlyList<CertificateDefinition> Leaves { get; } = [.. CertificateCatalogue.All.Where(c => !c.IsCa)];

    public void Generate()
    {
        var config = _context.Config;
        var pki = _context.Pki;
        var fileSystem = _context.FileSystem;
        foreach (var leaf in Leaves)
        {
            if (pki.Exists(leaf.BaseName + ".csr") || pki.Exists(leaf.KeyFileName))
            {
                throw new KubeadmUserException($"file already exists: key or CSR {pki.Path}/{leaf.BaseName}");
            }
        }

        foreach (var file in KubeconfigCatalogue.All)
        {
            var path = _context.KubeconfigPath(file.FileName);
            if (fileSystem.FileExists(path))
            {
                throw new KubeadmUserException($"file already exists: kube config: {path}");
            }

            if (fileSystem.FileExists(path + ".csr") || fileSystem.FileExists(path + ".key"))
            {
                throw new KubeadmUserException($"file already exists: csr: {path}");
            }
        }

        var algorithm = CertificateSpecs.KeyAlgorithmOf(config);
        var now = _context.Clock.GetUtcNow();
        _context.Out.WriteLine($"generating keys and CSRs in {pki.Path}");
        foreach (var leaf in Leaves)
        {
            var warnings = new List<string>();
            var spec = CertificateSpecs.Build(leaf, config, now, warnings);
            warnings.ForEach(_context.Err.WriteLine);
            using var key = _context.KeyGenerator.Generate(algorithm);
            fileSystem.WriteFile(pki.KeyPath(leaf.BaseName), PemCodec.EncodePrivateKey(key), FileModes.Private);
            fileSystem.WriteFile(pki.PathOf(leaf.BaseName + ".csr"), CertificateSigningRequests.CreatePem(spec, key), FileModes.Private);
            _context.Out.WriteLine($"  {leaf.BaseName}");
        }

        var settings = KubeconfigClusterSettings.From(config);
        _context.Out.WriteLine($"generating keys and CSRs in {_context.KubeconfigDir}");
        foreach (var file in KubeconfigCatalogue.All)
        {
            var spec = KubeconfigFactory.ClientCertificateSpec(file, settings, now, now);
            using var key = _context.KeyGenerator.Generate(algorithm);
            var kubeconfig = KubeconfigBuilder.WithClientCertificate(
                settings.ServerFor(file), settings.ClusterName, spec.CommonName, [], [], PemCodec.EncodePrivateKey(key));
            var path = _context.KubeconfigPath(file.FileName);
            fileSystem.WriteAllText(path, KubeconfigYamlWriter.Write(kubeconfig), FileModes.Private);
            fileSystem.WriteFile(path + ".csr", CertificateSigningRequests.CreatePem(spec, key), FileModes.Private);
            _context.Out.WriteLine($"  {file.FileName}");
        }
    }
}
