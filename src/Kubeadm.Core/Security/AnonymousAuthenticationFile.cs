namespace Kubeadm.Core.Security;

/// <summary>
/// The API server's AuthenticationConfiguration of the CIS profile (Kubernetes 1.32+): anonymous requests are
/// accepted only for the health endpoints and the one object `kubeadm join` discovery reads before it has any
/// credential, the kube-public/cluster-info ConfigMap. Everything else needs a credential, whatever RBAC grants to
/// system:anonymous. (The conditions match the request path exactly.)
/// </summary>
public static class AnonymousAuthenticationFile
{
    public const string ClusterInfoPath = "/api/v1/namespaces/kube-public/configmaps/cluster-info";

    public static readonly IReadOnlyList<string> AnonymousPaths = ["/healthz", "/livez", "/readyz", ClusterInfoPath];

    public static string Content { get; } =
        "apiVersion: apiserver.config.k8s.io/v1beta1\n" +
        "kind: AuthenticationConfiguration\n" +
        "anonymous:\n" +
        "  enabled: true\n" +
        "  conditions:\n" +
        string.Concat(AnonymousPaths.Select(path => $"  - path: {path}\n"));
}
