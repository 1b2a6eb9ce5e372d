using Kubeadm.App.Init;
using Kubeadm.Core.Configuration;
using Kubeadm.Core.Constants;
using Kubeadm.Core.Host;
using Kubeadm.Core.KubeConfig;

namespace Kubeadm.App.CertsCommands;

/// <summary>
/// Loads the configuration a `kubeadm certs` sub-command works with. kubeadm first tries the cluster's kubeadm-config
/// ConfigMap (through --kubeconfig) when no --config is given; this build has no Kubernetes API client, so it always
/// takes kubeadm's fallback: --config if given, else the defaults.
/// </summary>
public sealed class CertsCommandContextFactory
{
    private readonly InitEnvironment _environment;

    public CertsCommandContextFactory(InitEnvironment environment) => _environment = environment;

    /// <summary>The context for renew and check-expiration: like kubeadm, --cert-dir only applies without --config.</summary>
    /// <param name="options">The command line.</param>
    /// <param name="logPrefix">kubeadm's prefix for the fallback line ("renew", "check-expiration").</param>
    /// <param name="printInfo">False for structured output (-o json|yaml), where kubeadm prints no info lines.</param>
    public CertsCommandContext ForExistingPki(CertsCommandOptions options, string logPrefix, bool printInfo)
    {
        ArgumentNullException.ThrowIfNull(options);
        var fileSystem = _environment.FileSystemFor(options.Rootfs);
        var kubeconfigPath = options.KubeconfigPath ?? KubeadmConstants.AdminKubeConfigFile;
        if (options.ConfigPath is null && AdminKubeconfigLoads(fileSystem, kubeconfigPath.StartsWith('/') ? kubeconfigPath : Path.GetFullPath(kubeconfigPath)))
        {
            if (options.Verbosity >= 1)
            {
                _environment.Err.WriteLine($"[{logPrefix}] this build has no Kubernetes API client and cannot read the kubeadm-config ConfigMap");
            }

            if (printInfo)
            {
                _environment.Out.WriteLine($"[{logPrefix}] Error reading configuration from the Cluster. Falling back to default configuration");
                _environment.Out.WriteLine();
            }
        }

        if (options.ConfigPath is not null && options.CertDir is not null)
        {
            Warn("--cert-dir is ignored when --config is given (as in kubeadm); set certificatesDir in the configuration file instead");
        }

        var config = Load(options, options.ConfigPath is null ? options.CertDir : null);
        return Create(config, options, KubeadmConstants.KubernetesDir);
    }

    /// <summary>The context for generate-csr: --cert-dir overrides the configuration's certificatesDir.</summary>
    public CertsCommandContext ForCsrGeneration(CertsCommandOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var config = Load(options, null);
        if (!string.IsNullOrEmpty(options.CertDir))
        {
            config.Cluster.CertificatesDir = options.CertDir;
        }

        var kubeconfigDir = string.IsNullOrEmpty(options.KubeconfigDir) ? KubeadmConstants.KubernetesDir : options.KubeconfigDir;
        return Create(config, options, kubeconfigDir.StartsWith('/') ? kubeconfigDir : Path.GetFullPath(kubeconfigDir));
    }

    private KubeadmConfig Load(CertsCommandOptions options, string? certDir)
    {
        var fileSystem = _environment.FileSystemFor(options.Rootfs);
        var loader = new InitConfigurationLoader(
            fileSystem, _environment.HostInfoFor(fileSystem), _environment.Random, Warn, _environment.ReadUserFile);
        var initOptions = new InitOptions
        {
            ConfigPath = options.ConfigPath,
            CertDir = certDir,
            // As kubeadm: the defaults name this build's version, so no version label needs resolving.
            KubernetesVersion = options.ConfigPath is null ? KubeadmVersion.Current : null,
            Rootfs = options.Rootfs,
            Verbosity = options.Verbosity,
        };
        return loader.Load(initOptions).Config;
    }

    private CertsCommandContext Create(KubeadmConfig config, CertsCommandOptions options, string kubeconfigDir) => new()
    {
        Config = config,
        FileSystem = _environment.FileSystemFor(options.Rootfs),
        KubeconfigDir = kubeconfigDir,
        Out = _environment.Out,
        Err = _environment.Err,
        Clock = _environment.Clock,
        KeyGenerator = _environment.KeyGenerator,
    };

    /// <summary>kubeadm only tries the cluster when it can build a client from the kubeconfig file.</summary>
    private static bool AdminKubeconfigLoads(IFileSystem fileSystem, string path)
    {
        try
        {
            return fileSystem.FileExists(path) && KubeconfigYamlReader.Read(fileSystem.ReadAllText(path), path).Contexts?.Count > 0;
        }
        catch (Exception e) when (e is KubeconfigFormatException or IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private void Warn(string message) => _environment.Err.WriteLine(message.StartsWith('[') ? message : $"WARNING: {message}");
}
