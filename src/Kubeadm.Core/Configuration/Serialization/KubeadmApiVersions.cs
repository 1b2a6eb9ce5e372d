namespace Kubeadm.Core.Configuration.Serialization;

/// <summary>API groups, versions and kinds of the documents a kubeadm config file may hold.</summary>
public static class KubeadmApiVersions
{
    public const string KubeadmGroup = "kubeadm.k8s.io";
    public const string V1Beta3 = "kubeadm.k8s.io/v1beta3";
    public const string V1Beta4 = "kubeadm.k8s.io/v1beta4";
    public const string InitConfigurationKind = "InitConfiguration";
    public const string ClusterConfigurationKind = "ClusterConfiguration";
    public const string JoinConfigurationKind = "JoinConfiguration";
    public const string ResetConfigurationKind = "ResetConfiguration";
    public const string UpgradeConfigurationKind = "UpgradeConfiguration";
    public const string KubeletConfigurationApiVersion = "kubelet.config.k8s.io/v1beta1";
    public const string KubeletConfigurationKind = "KubeletConfiguration";
    public const string KubeProxyConfigurationApiVersion = "kubeproxy.config.k8s.io/v1alpha1";
    public const string KubeProxyConfigurationKind = "KubeProxyConfiguration";

    /// <summary>
    /// Our own API group, so that kubeadm's v1beta3/v1beta4 schemas stay untouched: a file that uses the security
    /// profile adds a document of this kind, which Go kubeadm ignores with a warning (unknown group).
    /// </summary>
    public const string SecurityProfileApiVersion = "security.kubeadm-dotnet.io/v1alpha1";
    public const string SecurityProfileKind = "SecurityProfile";

    /// <summary>kubeadm kinds that other commands use; `init` ignores them.</summary>
    public static readonly IReadOnlyList<string> OtherCommandKinds = ["JoinConfiguration", "ResetConfiguration", "UpgradeConfiguration"];

    /// <summary>Removed kubeadm API versions and the last kubeadm release that can migrate them.</summary>
    public static readonly IReadOnlyDictionary<string, string> RemovedVersions = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["kubeadm.k8s.io/v1alpha1"] = "v1.11",
        ["kubeadm.k8s.io/v1alpha2"] = "v1.12",
        ["kubeadm.k8s.io/v1alpha3"] = "v1.14",
        ["kubeadm.k8s.io/v1beta1"] = "v1.15",
        ["kubeadm.k8s.io/v1beta2"] = "v1.22",
    };
}
