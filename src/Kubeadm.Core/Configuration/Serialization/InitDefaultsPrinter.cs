using System.Globalization;
using Kubeadm.Core.Configuration.Defaulting;
using Kubeadm.Core.Constants;

namespace Kubeadm.Core.Configuration.Serialization;

/// <summary>The output of `kubeadm config print init-defaults`: defaulted v1beta4 documents with placeholder values.</summary>
public static class InitDefaultsPrinter
{
    public const string PlaceholderToken = "abcdef.0123456789abcdef";
    public const string PlaceholderAdvertiseAddress = "1.2.3.4";
    public const string PlaceholderNodeName = "node";

    /// <summary>
    /// kubeadm prints its own release as "MAJOR.MINOR.0" without a leading "v" (its semantic-version String form),
    /// so no network lookup is needed.
    /// </summary>
    public static string KubernetesVersion { get; } =
        string.Create(CultureInfo.InvariantCulture, $"{KubeadmVersion.Major}.{KubeadmVersion.Minor}.0");

    /// <summary>The defaulted config the command prints (before any component configs are added).</summary>
    public static KubeadmConfig CreateConfig()
    {
        var config = new KubeadmConfig();
        config.Init.BootstrapTokens.Add(new BootstrapToken { Token = PlaceholderToken });
        config.Init.LocalApiEndpoint.AdvertiseAddress = PlaceholderAdvertiseAddress;
        config.Init.NodeRegistration.Name = PlaceholderNodeName;
        config.Init.NodeRegistration.CriSocket = KubeadmConstants.DefaultCriSocket;
        config.Cluster.KubernetesVersion = KubernetesVersion;
        ConfigDefaults.Apply(config);
        return config;
    }

    /// <summary>InitConfiguration and ClusterConfiguration, then the given defaulted component configs (--component-configs).</summary>
    public static string Print(IEnumerable<ComponentConfigDocument>? componentConfigs = null)
    {
        var config = CreateConfig();
        config.ComponentConfigs.AddRange(componentConfigs ?? []);
        return KubeadmConfigEncoder.Encode(config);
    }
}
