namespace Kubeadm.Core.Addons;

/// <summary>Names and labels the two essential addons share with kubeadm's manifests.</summary>
public static class AddonLabels
{
    public const string SystemNamespace = "kube-system";
    public const string K8sAppLabel = "k8s-app";
    public const string OsLabel = "kubernetes.io/os";
    public const string LinuxOs = "linux";
    public const string RbacApiGroup = "rbac.authorization.k8s.io";

    /// <summary>A one-entry label map with ordinal keys.</summary>
    public static Dictionary<string, string> Map(string key, string value) => new(StringComparer.Ordinal) { [key] = value };
}
