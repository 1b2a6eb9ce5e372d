using Kubeadm.App.ClusterApi;
using Kubeadm.App.Init;
using Kubeadm.Core.Configuration;
using Kubeadm.Core.Configuration.Defaulting;
using Kubeadm.Core.Errors;
using Kubeadm.Core.Constants;
using Kubeadm.Core.Host;

namespace Kubeadm.App.CertsCommands;

/// <summary>
/// Loads the configuration a `kubeadm certs` sub-command works with. Without --config, renew and check-expiration
/// first read the cluster's kubeadm-config ConfigMap through the API, with a client made from --kubeconfig (default
/// admin.conf), as kubeadm does; when no client can be made nothing is said, and when the cluster does not answer in
/// time kubeadm's fallback line is printed and --config (if given) or the defaults are used.
/// </summary>
public sealed class CertsCommandContextFactory
{
    /// <summary>
    /// How long the cluster may take to answer: kubeadm makes one unbounded attempt then retries for 350 ms;
    /// a bound keeps a renewal on a node whose API server is gone from hanging.
    /// </summary>
    public static readonly TimeSpan ClusterReadBudget = TimeSpan.FromSeconds(2);

    private readonly InitEnvironment _environment;

    public CertsCommandContextFactory(InitEnvironment environment) => _environment = environment;

    /// <summary>The context for renew and check-expiration: like kubeadm, --cert-dir only applies without --config.</summary>
    /// <param name="options">The command line.</param>
    /// <param name="logPrefix">kubeadm's prefix for the info lines ("renew", "check-expiration").</param>
    /// <param name="printInfo">False for structured output (-o json|yaml), where kubeadm prints no info lines.</param>
    /// <param name="cancellationToken">Stops the cluster read.</param>
    public async Task<CertsCommandContext> ForExistingPkiAsync(CertsCommandOptions options, string logPrefix, bool printInfo, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.ConfigPath is null && await FromClusterAsync(options, logPrefix, printInfo, cancellationToken).ConfigureAwait(false) is { } fromCluster)
        {
            return Create(fromCluster, options, KubeadmConstants.KubernetesDir);
        }

        if (options.ConfigPath is not null && options.CertDir is not null)
        {
            Warn("--cert-dir is ignored when --config is given (as in kubeadm); set certificatesDir in the configuration file instead");
        }

        var config = Load(options, options.ConfigPath is null ? options.CertDir : null);
        return Create(config, options, KubeadmConstants.KubernetesDir);
    }

    /// <summary>The cluster's configuration, or null (after kubeadm's fallback line) when it cannot be read.</summary>
    private async Task<KubeadmConfig?> FromClusterAsync(CertsCommandOptions options, string logPrefix, bool printInfo, CancellationToken cancellationToken)
    {
        var fileSystem = _environment.FileSystemFor(options.Rootfs);
        var kubeconfigPath = options.KubeconfigPath ?? KubeadmConstants.AdminKubeConfigFile;
        var fetcher = new ClusterConfigurationFetcher(_environment.ClusterClientFor, _environment.Clock, ClusterReadBudget);
        var client = fetcher.TryCreateClient(fileSystem, CommandLinePath.Absolute(kubeconfigPath));
        if (client is null)
        {
            return null;
        }

        var info = printInfo ? _environment.Out : TextWriter.Null;
        ClusterConfigurationFetcher.Announce(info, logPrefix);
        try
        {
            var config = await fetcher.FetchAsync(client, cancellationToken).ConfigureAwait(false);
            await info.WriteLineAsync().ConfigureAwait(false);
            ConfigDefaults.Apply(config);

            // As kubeadm: the --cert-dir flag's value, given or its default, replaces the cluster's certificatesDir
            // (renewal and expiration checks work on this node's files, not on what the cluster says).
            var certificatesDir = options.CertDir ?? KubeadmConstants.DefaultCertificatesDir;
            if (options.Verbosity >= 1)
            {
                await _environment.Err.WriteLineAsync($"Overriding the cluster certificate directory with the value from command line flag --cert-dir: {certificatesDir}").ConfigureAwait(false);
            }

            config.Cluster.CertificatesDir = certificatesDir;
            return config;
        }
        catch (KubeadmUserException e)
        {
            if (options.Verbosity >= 1)
            {
                await _environment.Err.WriteLineAsync($"[{logPrefix}] {e.Message}").ConfigureAwait(false);
            }

            await info.WriteLineAsync($"[{logPrefix}] Error reading configuration from the Cluster. Falling back to default configuration").ConfigureAwait(false);
            await info.WriteLineAsync().ConfigureAwait(false);
            return null;
        }
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
        return Create(config, options, CommandLinePath.Absolute(kubeconfigDir));
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

    private void Warn(string message) => _environment.Err.WriteLine(message.StartsWith('[') ? message : $"WARNING: {message}");
}
