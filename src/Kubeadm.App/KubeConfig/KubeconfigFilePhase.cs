using System.Runtime.CompilerServices;
using System.Security.Cryptography.X509Certificates;
using Kubeadm.App.Init;
using Kubeadm.Core.Errors;
using Kubeadm.Core.Host;
using Kubeadm.Core.KubeConfig;
using Kubeadm.Core.Pki;

namespace Kubeadm.App.KubeConfig;

/// <summary>
/// The work of one `kubeadm init phase kubeconfig &lt;name&gt;` sub-phase: reuse the file when it trusts the cluster CA,
/// otherwise write a new one (0600) with a fresh client certificate. In external CA mode (ca.key absent) nothing is
/// signed: every kubeconfig file must already exist and trust the CA.
/// </summary>
public static class KubeconfigFilePhase
{
    // kubeadm checks the user's kubeconfigs once per run in external CA mode, not once per sub-phase.
    private static readonly ConditionalWeakTable<InitContext, object> ExternalCaChecked = [];

    public static void Run(InitContext context, KubeconfigFileSpec file)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(file);
        var certificatesDir = context.Config.Cluster.CertificatesDir;
        var folder = KubeconfigFolder.Of(context);
        var settings = KubeconfigClusterSettings.From(context.Config);
        if (ClusterCa.IsExternal(context.FileSystem, certificatesDir))
        {
            if (!ExternalCaChecked.TryGetValue(context, out _))
            {
                ValidateForExternalCa(context, folder, settings);
                ExternalCaChecked.AddOrUpdate(context, new object());
            }

            context.Out.WriteLine($"[kubeconfig] External CA mode: Using user provided {file.FileName}");
            context.FileReused(KubeconfigFolder.PathOf(folder, file.FileName));
            return;
        }

        var ca = ClusterCa.LoadWithKey(context.FileSystem, certificatesDir);
        try
        {
            WarnIfOutsideValidity(context, ca.Certificate);
            var path = KubeconfigFolder.PathOf(folder, file.FileName);
            if (context.FileSystem.FileExists(path))
            {
                CheckExisting(context, path, PemCodec.EncodeCertificates(ca.Certificate), settings.ServerFor(file));
                context.Out.WriteLine($"[kubeconfig] Using existing kubeconfig file: \"{path}\"");
                context.FileReused(path);
                return;
            }

            context.Out.WriteLine($"[kubeconfig] Writing \"{file.FileName}\" kubeconfig file");
            var keys = new PooledKeyGenerator(context.Pki.Keys, KeyName(file));
            var config = KubeconfigFactory.Create(file, settings, ca, keys, context.StartTime);
            context.FileSystem.WriteAllText(path, KubeconfigYamlWriter.Write(config), FileModes.Private);
        }
        finally
        {
            ca.Certificate.Dispose();
            ca.Key?.Dispose();
        }
    }

    /// <summary>The name under which <see cref="Certs.PkiRunState.StartKeys"/> records that the kubeconfig keys were started.</summary>
    public const string KeyGroup = "kubeconfig";

    /// <summary>Starts, in parallel, the client keys of every kubeconfig this run will write (not the skipped ones).</summary>
    public static void PrestartKeys(InitContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var skipped = context.Config.Init.SkipPhases;
        context.Pki.StartKeys(KeyGroup, KeysToGenerate(context, phase => !skipped.Contains($"kubeconfig/{phase}", StringComparer.OrdinalIgnoreCase)));
    }

    /// <summary>
    /// The client keys the kubeconfig sub-phases for which <paramref name="runs"/> is true will generate, in their
    /// order: none for existing files, none in external CA mode.
    /// </summary>
    public static IEnumerable<KeyRequest> KeysToGenerate(InitContext context, Func<string, bool> runs)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(runs);
        if (ClusterCa.IsExternal(context.FileSystem, context.Config.Cluster.CertificatesDir))
        {
            yield break;
        }

        var folder = KubeconfigFolder.Of(context);
        var algorithm = KubeconfigClusterSettings.From(context.Config).KeyAlgorithm;
        foreach (var file in KubeconfigCatalogue.All)
        {
            if (runs(file.PhaseName) && !context.FileSystem.FileExists(KubeconfigFolder.PathOf(folder, file.FileName)))
            {
                yield return new KeyRequest(KeyName(file), algorithm);
            }
        }
    }

    private static string KeyName(KubeconfigFileSpec file) => "kubeconfig/" + file.FileName;

    /// <summary>
    /// External CA mode: kubeadm cannot sign, so each kubeconfig file must already exist and trust the CA
    /// (a different server URL is only a warning). The first failure is reported, naming the file.
    /// </summary>
    public static void ValidateForExternalCa(InitContext context, string folder, KubeconfigClusterSettings settings)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(settings);
        using var caCertificate = ClusterCa.LoadCertificate(context.FileSystem, context.Config.Cluster.CertificatesDir);
        WarnIfOutsideValidity(context, caCertificate);
        var caPem = PemCodec.EncodeCertificates(caCertificate);
        foreach (var file in KubeconfigCatalogue.All)
        {
            var path = KubeconfigFolder.PathOf(folder, file.FileName);
            try
            {
                if (!context.FileSystem.FileExists(path))
                {
                    throw new KubeadmUserException($"file \"{path}\" does not exist");
                }

                CheckExisting(context, path, caPem, settings.ServerFor(file));
            }
            catch (KubeadmUserException e)
            {
                throw new KubeadmUserException($"the {file.FileName} file does not exists or it is not valid: {e.Message}", e);
            }
        }
    }

    private static void CheckExisting(InitContext context, string path, byte[] caPem, string server)
    {
        var existing = KubeconfigYamlReader.Read(context.FileSystem.ReadAllText(path), path);
        var warnings = KubeconfigValidator.Validate(existing, path, caPem, server, context.FileSystem.ReadAllBytes);
        foreach (var warning in warnings)
        {
            context.Err.WriteLine($"WARNING: {warning}");
        }
    }

    /// <summary>kubeadm warns (once per run, shared with the certs phases) when the CA is expired or not yet valid.</summary>
    private static void WarnIfOutsideValidity(InitContext context, X509Certificate2 caCertificate)
    {
        if (CertificateChecks.PeriodProblem(caCertificate, context.Clock.GetUtcNow()) is { } problem
            && context.Pki.ShouldWarn(ClusterCa.BaseName))
        {
            context.Err.WriteLine($"WARNING: could not validate bounds for certificate {ClusterCa.BaseName}: {problem}");
        }
    }
}
