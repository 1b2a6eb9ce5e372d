using k8s.Models;
using Kubeadm.Core.ClusterApi;
using Kubeadm.Core.Constants;

namespace Kubeadm.Core.UploadConfig;

/// <summary>
/// kube-system/kubelet-config: the cluster-wide KubeletConfiguration joining nodes download, and the Role letting
/// nodes and bootstrap tokens read it. When kubeadm generated the configuration itself (no user document) the
/// ConfigMap is "signed" with a checksum, so a later kubeadm can tell whether anyone edited it.
/// </summary>
public static class KubeletConfigMap
{
    public const string Name = "kubelet-config";
    public const string Namespace = "kube-system";
    public const string KubeletKey = "kubelet";
    public const string RoleName = "kubeadm:kubelet-config";
    public const string HashAnnotation = ConfigMapSignature.AnnotationKey;

    /// <param name="kubeletConfigurationYaml">The KubeletConfiguration as written to config.yaml before patches.</param>
    /// <param name="userSupplied">Whether the user gave a KubeletConfiguration document (then it is not signed).</param>
    public static V1ConfigMap Create(string kubeletConfigurationYaml, bool userSupplied)
    {
        ArgumentNullException.ThrowIfNull(kubeletConfigurationYaml);
        var configMap = new V1ConfigMap
        {
            Metadata = new V1ObjectMeta { Name = Name, NamespaceProperty = Namespace },
            Data = new Dictionary<string, string>(StringComparer.Ordinal) { [KubeletKey] = kubeletConfigurationYaml },
        };
        if (!userSupplied)
        {
            ConfigMapSignature.Sign(configMap);
        }

        return configMap;
    }

    public static V1Role Role() => SingleObjectReadRole.Role(RoleName, Namespace, "configmaps", Name);

    public static V1RoleBinding RoleBinding() =>
        SingleObjectReadRole.Binding(RoleName, Namespace, "system:nodes", KubeadmConstants.NodeBootstrapTokenAuthGroup);
}
