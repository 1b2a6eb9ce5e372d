using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Kubeadm.Core.Upgrade;

/// <summary>
/// The state of the component configs kubeadm manages (kube-proxy's and the kubelet's), read from the documents
/// stored in their ConfigMaps: the API version found against the one this kubeadm writes. A version other than the
/// preferred one needs a manual upgrade; a missing ConfigMap shows no current version.
/// </summary>
public static class ComponentConfigVersions
{
    public const string KubeProxyGroup = "kubeproxy.config.k8s.io";
    public const string KubeProxyPreferredVersion = "v1alpha1";
    public const string KubeletGroup = "kubelet.config.k8s.io";
    public const string KubeletPreferredVersion = "v1beta1";

    /// <param name="kubeProxyConfig">kube-system/kube-proxy "config.conf", or null when there is none.</param>
    /// <param name="kubeletConfig">kube-system/kubelet-config "kubelet", or null when there is none.</param>
    public static IReadOnlyList<ComponentConfigVersionState> States(string? kubeProxyConfig, string? kubeletConfig) =>
    [
        State(KubeProxyGroup, KubeProxyPreferredVersion, kubeProxyConfig),
        State(KubeletGroup, KubeletPreferredVersion, kubeletConfig),
    ];

    private static ComponentConfigVersionState State(string group, string preferred, string? document)
    {
        var current = document is null ? "" : VersionOfGroup(document, group);
        return new ComponentConfigVersionState(group, current, preferred, current.Length > 0 && current != preferred);
    }

    /// <summary>The version part of the first document's apiVersion in <paramref name="group"/>; "" when none is.</summary>
    public static string VersionOfGroup(string yaml, string group)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException)
        {
            return "";
        }

        foreach (var document in stream.Documents)
        {
            if (document.RootNode is YamlMappingNode mapping
                && mapping.Children.TryGetValue(new YamlScalarNode("apiVersion"), out var value)
                && value is YamlScalarNode { Value: { } apiVersion }
                && apiVersion.StartsWith(group + "/", StringComparison.Ordinal))
            {
                return apiVersion[(group.Length + 1)..];
            }
        }

        return "";
    }
}
