using System.Text.Json.Nodes;
using k8s.KubeConfigModels;
using k8s.Models;
using Kubeadm.Core.Configuration.Serialization;

namespace Kubeadm.Core.BootstrapTokens;

/// <summary>
/// kube-public/cluster-info: what a joining node reads anonymously to find the API server and its CA. Its "kubeconfig"
/// key holds a kubeconfig with a single cluster entry named "" (admin.conf's current cluster, server and CA) and no
/// users or contexts, written as client-go writes it (contexts and users are null, not empty lists).
/// </summary>
public static class ClusterInfoConfigMap
{
    public const string Name = "cluster-info";
    public const string KubeconfigKey = "kubeconfig";

    public static V1ConfigMap Create(K8SConfiguration adminKubeconfig, string adminKubeconfigPath) => new()
    {
        Metadata = new V1ObjectMeta { Name = Name, NamespaceProperty = BootstrapTokenRbac.PublicNamespace },
        Data = new Dictionary<string, string>(StringComparer.Ordinal) { [KubeconfigKey] = Kubeconfig(adminKubeconfig, adminKubeconfigPath) },
    };

    /// <summary>The kubeconfig text stored under <see cref="KubeconfigKey"/>.</summary>
    public static string Kubeconfig(K8SConfiguration adminKubeconfig, string adminKubeconfigPath)
    {
        var cluster = CurrentCluster.Of(adminKubeconfig, adminKubeconfigPath).ClusterEndpoint ?? new ClusterEndpoint();
        var details = new JsonObject { ["server"] = cluster.Server ?? "" };
        AddIfSet(details, "certificate-authority", cluster.CertificateAuthority);
        AddIfSet(details, "certificate-authority-data", cluster.CertificateAuthorityData);
        AddIfSet(details, "tls-server-name", cluster.TlsServerName);
        if (cluster.SkipTlsVerify)
        {
            details["insecure-skip-tls-verify"] = true;
        }

        var root = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Config",
            ["clusters"] = new JsonArray(new JsonObject { ["name"] = "", ["cluster"] = details }),
            ["contexts"] = null,
            ["current-context"] = "",
            ["preferences"] = new JsonObject(),
            ["users"] = null,
        };
        return JsonYamlWriter.Write(root);
    }

    private static void AddIfSet(JsonObject node, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            node[key] = value;
        }
    }
}
