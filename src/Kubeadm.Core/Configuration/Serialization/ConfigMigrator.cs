using Kubeadm.Core.Configuration.Defaulting;

namespace Kubeadm.Core.Configuration.Serialization;

/// <summary>`kubeadm config migrate`: reads a v1beta3 or v1beta4 file and writes it back as defaulted v1beta4.</summary>
public static class ConfigMigrator
{
    /// <summary>
    /// Decodes <paramref name="oldContent"/>, applies the static defaults and then <paramref name="dynamicDefaults"/>
    /// (host-derived values such as the node name, when the caller has them), and encodes v1beta4. As in kubeadm,
    /// InitConfiguration and ClusterConfiguration are both written when either is present; component configs follow.
    /// </summary>
    public static string Migrate(string oldContent, string sourceName, Action<KubeadmConfig>? dynamicDefaults = null)
    {
        var decoded = KubeadmConfigDecoder.Decode(oldContent, sourceName);
        var config = decoded.Config;
        ConfigDefaults.Apply(config);
        dynamicDefaults?.Invoke(config);
        var hasKubeadmDocument = decoded.HasInitConfiguration || decoded.HasClusterConfiguration;
        return KubeadmConfigEncoder.Encode(config, includeInit: hasKubeadmDocument, includeCluster: hasKubeadmDocument);
    }
}
