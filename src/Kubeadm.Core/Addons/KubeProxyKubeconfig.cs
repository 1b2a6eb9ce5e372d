namespace Kubeadm.Core.Addons;

/// <summary>
/// The kubeconfig kube-proxy reads from its ConfigMap (key "kubeconfig.conf"): the pod's service-account CA and token,
/// and the control-plane endpoint. The text has no final newline (kubeadm's template uses a "|-" block).
/// </summary>
public static class KubeProxyKubeconfig
{
    public const string ServiceAccountCaFile = "/var/run/secrets/kubernetes.io/serviceaccount/ca.crt";
    public const string ServiceAccountTokenFile = "/var/run/secrets/kubernetes.io/serviceaccount/token";

    public static string For(string server)
    {
        ArgumentException.ThrowIfNullOrEmpty(server);
        return "apiVersion: v1\n" +
            "kind: Config\n" +
            "clusters:\n" +
            "- cluster:\n" +
            $"    certificate-authority: {ServiceAccountCaFile}\n" +
            $"    server: {server}\n" +
            "  name: default\n" +
            "contexts:\n" +
            "- context:\n" +
            "    cluster: default\n" +
            "    namespace: default\n" +
            "    user: default\n" +
            "  name: default\n" +
            "current-context: default\n" +
            "users:\n" +
            "- name: default\n" +
            "  user:\n" +
            $"    tokenFile: {ServiceAccountTokenFile}";
    }
}
