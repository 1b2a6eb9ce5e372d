using Kubeadm.Core.Configuration;
using Kubeadm.Core.Configuration.Defaulting;
using Kubeadm.Core.Configuration.Validation;

namespace Kubeadm.App.Init;

/// <summary>
/// The configuration `kubeadm config images list|pull` needs: only what names images (version, repositories,
/// feature gates, addons), so it works on any machine without host detection.
/// </summary>
public static class ImageConfigurationLoader
{
    public static KubeadmConfig Load(InitOptions options, Func<string, byte[]> readUserFile, Action<string> warn)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(readUserFile);
        ArgumentNullException.ThrowIfNull(warn);
        MixedArgumentsRule.Check(options.ChangedFlags);
        var config = options.ConfigPath is { } path ? UserConfigFile.Decode(readUserFile, path, warn) : new KubeadmConfig();
        InitFlagsApplier.Apply(config, options);
        ConfigDefaults.Apply(config);
        config.Cluster.KubernetesVersion = KubernetesVersionResolver.Resolve(config.Cluster.KubernetesVersion, out var warning);
        if (warning is not null)
        {
            warn(warning);
        }

        return config;
    }
}
