using k8s.Models;
using Kubeadm.Core.Constants;
using Kubeadm.Core.ClusterApi;

namespace Kubeadm.Core.Addons;

/// <summary>The kube-proxy objects other than the DaemonSet, as kubeadm defines them.</summary>
public static class KubeProxyManifests
{
    public const string Name = "kube-proxy";
    public const string ConfigKey = "config.conf";
    public const string KubeconfigKey = "kubeconfig.conf";
    public const string ClusterRoleBindingName = "kubeadm:node-proxier";
    public const string ClusterRoleName = "system:node-proxier";

    /// <summary>
    /// The ConfigMap with both files. kubeadm signs it (the component-config hash annotation) unless the user supplied
    /// the KubeProxyConfiguration.
    /// </summary>
    /// <param name="server">The control-plane endpoint URL kube-proxy talks to.</param>
    /// <param name="proxyConfigurationYaml">The KubeProxyConfiguration YAML; its final newline is dropped (a "|-" block in kubeadm).</param>
    /// <param name="sign">Whether to add the signature annotation.</param>
    public static V1ConfigMap ConfigMap(string server, string proxyConfigurationYaml, bool sign)
    {
        ArgumentNullException.ThrowIfNull(proxyConfigurationYaml);
        var configMap = new V1ConfigMap
        {
            ApiVersion = "v1",
            Kind = "ConfigMap",
            Metadata = new V1ObjectMeta
            {
                Name = Name,
                NamespaceProperty = AddonLabels.SystemNamespace,
                Labels = AddonLabels.Map("app", Name),
            },
            Data = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [KubeconfigKey] = KubeProxyKubeconfig.For(server),
                [ConfigKey] = proxyConfigurationYaml.TrimEnd('\n'),
            },
        };
        if (sign)
        {
            ConfigMapSignature.Sign(configMap);
        }

        return configMap;
    }

    public static V1ServiceAccount ServiceAccount() => new()
    {
        ApiVersion = "v1",
        Kind = "ServiceAccount",
        Metadata = new V1ObjectMeta { Name = Name, NamespaceProperty = AddonLabels.SystemNamespace },
    };

    /// <summary>kubeadm:node-proxier: the built-in system:node-proxier role for kube-proxy's service account.</summary>
    public static V1ClusterRoleBinding ClusterRoleBinding() => new()
    {
        ApiVersion = $"{AddonLabels.RbacApiGroup}/v1",
        Kind = "ClusterRoleBinding",
        Metadata = new V1ObjectMeta { Name = ClusterRoleBindingName },
        RoleRef = new V1RoleRef { ApiGroup = AddonLabels.RbacApiGroup, Kind = "ClusterRole", Name = ClusterRoleName },
        Subjects = [new Rbacv1Subject { Kind = "ServiceAccount", Name = Name, NamespaceProperty = AddonLabels.SystemNamespace }],
    };

    /// <summary>Read access to the kube-proxy ConfigMap (joining nodes fetch it with a bootstrap token).</summary>
    public static V1Role Role() => new()
    {
        ApiVersion = $"{AddonLabels.RbacApiGroup}/v1",
        Kind = "Role",
        Metadata = new V1ObjectMeta { Name = Name, NamespaceProperty = AddonLabels.SystemNamespace },
        Rules = [new V1PolicyRule { Verbs = ["get"], ApiGroups = [""], Resources = ["configmaps"], ResourceNames = [Name] }],
    };

    public static V1RoleBinding RoleBinding() => new()
    {
        ApiVersion = $"{AddonLabels.RbacApiGroup}/v1",
        Kind = "RoleBinding",
        Metadata = new V1ObjectMeta { Name = Name, NamespaceProperty = AddonLabels.SystemNamespace },
        RoleRef = new V1RoleRef { ApiGroup = AddonLabels.RbacApiGroup, Kind = "Role", Name = Name },
        Subjects = [new Rbacv1Subject { Kind = "Group", Name = KubeadmConstants.NodeBootstrapTokenAuthGroup }],
    };
}
