using k8s.Models;

namespace Kubeadm.Core.ClusterApi;

/// <summary>Where a kind lives in the API: its resource name, group ("" for core), version and scope.</summary>
public sealed record ApiResource(string Kind, string Resource, string Group, string Version, bool Namespaced)
{
    private static readonly Dictionary<Type, ApiResource> Known = new()
    {
        [typeof(V1ConfigMap)] = new("ConfigMap", "configmaps", "", "v1", true),
        [typeof(V1Secret)] = new("Secret", "secrets", "", "v1", true),
        [typeof(V1ServiceAccount)] = new("ServiceAccount", "serviceaccounts", "", "v1", true),
        [typeof(V1Service)] = new("Service", "services", "", "v1", true),
        [typeof(V1Node)] = new("Node", "nodes", "", "v1", false),
        [typeof(V1CertificateSigningRequest)] = new("CertificateSigningRequest", "certificatesigningrequests", "certificates.k8s.io", "v1", false),
        [typeof(V1Namespace)] = new("Namespace", "namespaces", "", "v1", false),
        [typeof(V1Role)] = new("Role", "roles", "rbac.authorization.k8s.io", "v1", true),
        [typeof(V1RoleBinding)] = new("RoleBinding", "rolebindings", "rbac.authorization.k8s.io", "v1", true),
        [typeof(V1ClusterRole)] = new("ClusterRole", "clusterroles", "rbac.authorization.k8s.io", "v1", false),
        [typeof(V1ClusterRoleBinding)] = new("ClusterRoleBinding", "clusterrolebindings", "rbac.authorization.k8s.io", "v1", false),
        [typeof(V1Deployment)] = new("Deployment", "deployments", "apps", "v1", true),
        [typeof(V1DaemonSet)] = new("DaemonSet", "daemonsets", "apps", "v1", true),
        [typeof(V1Pod)] = new("Pod", "pods", "", "v1", true),
        [typeof(V1Job)] = new("Job", "jobs", "batch", "v1", true),
    };

    /// <summary>"apps/v1", or "v1" for the core group (the apiVersion field).</summary>
    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    /// <summary>kubeadm's dry-run wording: "core/v1" for the core group.</summary>
    public string GroupVersionForDisplay => Group.Length == 0 ? $"core/{Version}" : ApiVersion;

    public static ApiResource Of<T>() => Of(typeof(T));

    public static ApiResource Of(Type type) =>
        Known.TryGetValue(type, out var resource)
            ? resource
            : throw new NotSupportedException($"kubeadm does not manage objects of type {type.Name}");
}
