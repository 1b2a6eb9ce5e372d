using k8s.Models;
using Kubeadm.Core.Configuration;
using Kubeadm.Core.Configuration.Serialization;
using Kubeadm.Core.Constants;

namespace Kubeadm.Core.UploadConfig;

/// <summary>
/// kube-system/kubeadm-config: the ClusterConfiguration this cluster was made with (as kubeadm.k8s.io/v1beta4 YAML),
/// read back by join and upgrade; and the Role letting bootstrap tokens and nodes read it.
/// </summary>
public static class KubeadmConfigMap
{
    public const string Name = "kubeadm-config";
    public const string Namespace = "kube-system";
    public const string ClusterConfigurationKey = "ClusterConfiguration";
    public const string RoleName = "kubeadm:nodes-kubeadm-config";

    /// <summary>
    /// The ConfigMap to store; an <paramref name="existing"/> one keeps its other keys, as kubeadm only replaces
    /// the ClusterConfiguration key of a ConfigMap that is already there.
    /// </summary>
    public static V1ConfigMap Create(ClusterConfiguration cluster, V1ConfigMap? existing = null)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var data = existing?.Data is { } kept
            ? new Dictionary<string, string>(kept, StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);
        data[ClusterConfigurationKey] = KubeadmConfigEncoder.EncodeClusterConfiguration(cluster);
        return new V1ConfigMap
        {
            Metadata = new V1ObjectMeta
            {
                Name = Name,
                NamespaceProperty = Namespace,
                Labels = existing?.Metadata?.Labels,
                Annotations = existing?.Metadata?.Annotations,
            },
            Data = data,
            BinaryData = existing?.BinaryData,
        };
    }

    public static V1Role Role() => SingleObjectReadRole.Role(RoleName, Namespace, "configmaps", Name);

    public static V1RoleBinding RoleBinding() =>
        SingleObjectReadRole.Binding(RoleName, Namespace, KubeadmConstants.NodeBootstrapTokenAuthGroup, "system:nodes");
}
