using System.Text.Json.Nodes;
using k8s.KubeConfigModels;
using Kubeadm.Core.Configuration.Serialization;

namespace Kubeadm.Core.KubeConfig;

/// <summary>
/// Writes a kubeconfig as client-go's clientcmd does (kubectl and kubeadm): the v1 Config fields with their JSON names,
/// keys sorted, empty optional fields left out, and <c>preferences: {}</c> always present. Built as a JSON tree and
/// emitted by <see cref="JsonYamlWriter"/>, so no reflection is involved (native AOT safe).
/// Only the fields kubeadm writes are supported; auth providers, exec plugins and impersonation are rejected.
/// </summary>
public static class KubeconfigYamlWriter
{
    public static string Write(K8SConfiguration config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var root = new JsonObject
        {
            ["apiVersion"] = string.IsNullOrEmpty(config.ApiVersion) ? "v1" : config.ApiVersion,
            ["kind"] = string.IsNullOrEmpty(config.Kind) ? "Config" : config.Kind,
            ["preferences"] = new JsonObject(),
            ["clusters"] = new JsonArray([.. (config.Clusters ?? []).OrderBy(c => c.Name, StringComparer.Ordinal).Select(ClusterNode)]),
            ["contexts"] = new JsonArray([.. (config.Contexts ?? []).OrderBy(c => c.Name, StringComparer.Ordinal).Select(ContextNode)]),
            ["users"] = new JsonArray([.. (config.Users ?? []).OrderBy(u => u.Name, StringComparer.Ordinal).Select(UserNode)]),
            ["current-context"] = config.CurrentContext ?? "",
        };
        return JsonYamlWriter.Write(root);
    }

    private static JsonObject ClusterNode(Cluster cluster)
    {
        var endpoint = cluster.ClusterEndpoint ?? new ClusterEndpoint();
        var details = new JsonObject { ["server"] = endpoint.Server ?? "" };
        AddIfSet(details, "tls-server-name", endpoint.TlsServerName);
        if (endpoint.SkipTlsVerify)
        {
            details["insecure-skip-tls-verify"] = true;
        }

        AddIfSet(details, "certificate-authority", endpoint.CertificateAuthority);
        AddIfSet(details, "certificate-authority-data", endpoint.CertificateAuthorityData);
        return new JsonObject { ["name"] = cluster.Name, ["cluster"] = details };
    }

    private static JsonObject ContextNode(Context context)
    {
        var details = context.ContextDetails ?? new ContextDetails();
        var node = new JsonObject { ["cluster"] = details.Cluster ?? "", ["user"] = details.User ?? "" };
        AddIfSet(node, "namespace", details.Namespace);
        return new JsonObject { ["name"] = context.Name, ["context"] = node };
    }

    private static JsonObject UserNode(User user)
    {
        var credentials = user.UserCredentials ?? new UserCredentials();
        if (credentials.AuthProvider is not null || credentials.ExternalExecution is not null
            || !string.IsNullOrEmpty(credentials.Impersonate) || credentials.ImpersonateGroups?.Any() == true
            || credentials.ImpersonateUserExtra?.Count > 0)
        {
            throw new NotSupportedException(
                $"user \"{user.Name}\": auth providers, exec plugins and impersonation are not written by kubeadm");
        }

        var node = new JsonObject();
        AddIfSet(node, "client-certificate", credentials.ClientCertificate);
        AddIfSet(node, "client-certificate-data", credentials.ClientCertificateData);
        AddIfSet(node, "client-key", credentials.ClientKey);
        AddIfSet(node, "client-key-data", credentials.ClientKeyData);
        AddIfSet(node, "token", credentials.Token);
        AddIfSet(node, "username", credentials.UserName);
        AddIfSet(node, "password", credentials.Password);
        return new JsonObject { ["name"] = user.Name, ["user"] = node };
    }

    private static void AddIfSet(JsonObject node, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            node[key] = value;
        }
    }
}
