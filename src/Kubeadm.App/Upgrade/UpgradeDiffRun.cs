using System.Text;
using Kubeadm.App.ClusterApi;
using Kubeadm.Core.ClusterApi;
using Kubeadm.Core.Configuration;
using Kubeadm.Core.Configuration.Defaulting;
using Kubeadm.Core.ControlPlane;
using Kubeadm.Core.Errors;
using Kubeadm.Core.Host;
using Kubeadm.Core.Upgrade;

namespace Kubeadm.App.Upgrade;

/// <summary>What `kubeadm upgrade diff` compares against: the target and the manifest files on this node.</summary>
public sealed record UpgradeDiffOptions
{
    /// <summary>The [version] argument; null means the version in the cluster's ClusterConfiguration.</summary>
    public string? TargetVersion { get; init; }

    public int ContextLines { get; init; } = 3;

    public string ApiServerManifest { get; init; } = ComponentNames.ManifestPath(Core.Constants.KubeadmConstants.ManifestsDir, ComponentNames.ApiServer);

    public string ControllerManagerManifest { get; init; } = ComponentNames.ManifestPath(Core.Constants.KubeadmConstants.ManifestsDir, ComponentNames.ControllerManager);

    public string SchedulerManifest { get; init; } = ComponentNames.ManifestPath(Core.Constants.KubeadmConstants.ManifestsDir, ComponentNames.Scheduler);
}

/// <summary>
/// `kubeadm upgrade diff`: the cluster's ClusterConfiguration moved to the target version, this node's advertised
/// endpoint from its kube-apiserver manifest, the manifests init's builders would write from that, and a unified
/// diff of each against the file on disk. Reads only.
/// </summary>
public sealed class UpgradeDiffRun
{
    private static readonly TimeSpan ConfigReadBudget = TimeSpan.FromSeconds(30);
    private readonly TextWriter _out;
    private readonly TextWriter _err;
    private readonly TimeProvider _clock;

    public UpgradeDiffRun(TextWriter output, TextWriter error, TimeProvider clock)
    {
        _out = output;
        _err = error;
        _clock = clock;
    }

    /// <returns>The diffs, API server, controller-manager then scheduler ("" for a manifest that would not change).</returns>
    public async Task<string> RunAsync(
        IClusterApi api, IFileSystem fileSystem, Func<string, string?> getEnvironmentVariable, UpgradeDiffOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(fileSystem);
        ArgumentNullException.ThrowIfNull(options);
        if (options.ContextLines < 0)
        {
            throw new KubeadmUserException($"invalid argument \"{options.ContextLines}\" for \"-c, --context-lines\" flag: must not be negative");
        }

        var paths = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [ComponentNames.ApiServer] = options.ApiServerManifest,
            [ComponentNames.ControllerManager] = options.ControllerManagerManifest,
            [ComponentNames.Scheduler] = options.SchedulerManifest,
        };
        foreach (var path in paths.Values)
        {
            CheckManifestPath(fileSystem, path);
        }

        var config = await ReadConfigurationAsync(api, cancellationToken).ConfigureAwait(false);
        config.Cluster.KubernetesVersion = TargetVersion(options.TargetVersion, config.Cluster.KubernetesVersion);
        var current = paths.ToDictionary(p => p.Key, p => Encoding.UTF8.GetString(fileSystem.ReadAllBytes(p.Value)), StringComparer.Ordinal);
        AdvertisedEndpoint.Adopt(config.Init.LocalApiEndpoint, current[ComponentNames.ApiServer]);

        var host = StaticPodHostFacts.Read(fileSystem, config.Cluster.CertificatesDir, getEnvironmentVariable);
        var diffs = new StringBuilder();
        foreach (var component in ControlPlaneManifestDiff.Components)
        {
            var rendered = ControlPlaneManifestDiff.Render(config, host, component, warning => _err.WriteLine(warning));
            diffs.Append(ControlPlaneManifestDiff.Diff(paths[component], current[component], rendered, options.ContextLines));
        }

        return diffs.ToString();
    }

    private string TargetVersion(string? argument, string clusterVersion)
    {
        if (argument is { Length: > 0 })
        {
            var resolved = UpgradeTargetVersion.Resolve(argument, out var warning);
            if (warning is not null)
            {
                _err.WriteLine($"[upgrade/diff] WARNING: {warning}");
            }

            return resolved;
        }

        if (clusterVersion.Length == 0)
        {
            throw new KubeadmUserException("missing one or more required arguments. Required arguments: [version]");
        }

        return clusterVersion;
    }

    private static void CheckManifestPath(IFileSystem fileSystem, string path)
    {
        if (path.Length == 0)
        {
            throw new KubeadmUserException("empty manifest path");
        }

        if (fileSystem.DirectoryExists(path))
        {
            throw new KubeadmUserException($"\"{path}\" is a directory");
        }

        if (!fileSystem.FileExists(path))
        {
            throw new KubeadmUserException($"the manifest file \"{path}\" does not exist: stat {path}: no such file or directory");
        }
    }

    private async Task<KubeadmConfig> ReadConfigurationAsync(IClusterApi api, CancellationToken cancellationToken)
    {
        ClusterConfigurationFetcher.Announce(_out, "upgrade/diff");
        var fetcher = new ClusterConfigurationFetcher((_, _) => api, _clock, ConfigReadBudget);
        var config = await fetcher.FetchAsync(api, cancellationToken).ConfigureAwait(false);
        ConfigDefaults.Apply(config);
        return config;
    }
}
