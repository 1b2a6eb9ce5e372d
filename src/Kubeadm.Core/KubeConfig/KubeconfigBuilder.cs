using System.Text;
using k8s.KubeConfigModels;

namespace Kubeadm.Core.KubeConfig;

/// <summary>
/// Builds kubeconfig documents shaped as kubeadm's: one cluster named after the cluster, one user, one context
/// <c>&lt;user&gt;@&lt;cluster&gt;</c> that is also the current context, with the CA and credentials embedded.
/// </summary>
public static class KubeconfigBuilder
{
    public static string ContextName(string userName, string clusterName) => $"{userName}@{clusterName}";

    /// <summary>A kubeconfig whose user authenticates with an embedded client certificate and key (all PEM).</summary>
    public static K8SConfiguration WithClientCertificate(
        string server, string clusterName, string userName, ReadOnlySpan<byte> caPem, ReadOnlySpan<byte> certificatePem, ReadOnlySpan<byte> keyPem)
    {
        var config = Basic(server, clusterName, userName, caPem);
        config.Users =
        [
            new User
            {
                Name = userName,
                UserCredentials = new UserCredentials
                {
                    ClientCertificateData = Convert.ToBase64String(certificatePem),
                    ClientKeyData = Convert.ToBase64String(keyPem),
                },
            },
        ];
        return config;
    }

    /// <summary>The cluster and context only, with no credentials (what kubeadm compares existing files against).</summary>
    public static K8SConfiguration Basic(string server, string clusterName, string userName, ReadOnlySpan<byte> caPem)
    {
        var contextName = ContextName(userName, clusterName);
        return new K8SConfiguration
        {
            ApiVersion = "v1",
            Kind = "Config",
            Clusters =
            [
                new Cluster
                {
                    Name = clusterName,
                    ClusterEndpoint = new ClusterEndpoint { Server = server, CertificateAuthorityData = Convert.ToBase64String(caPem) },
                },
            ],
            Contexts = [new Context { Name = contextName, ContextDetails = new ContextDetails { Cluster = clusterName, User = userName } }],
            Users = [],
            CurrentContext = contextName,
        };
    }

    /// <summary>Decodes one of the model's *-data fields (base64 text) to its bytes as text, for messages and tests.</summary>
    public static string DecodeData(string? base64) =>
        string.IsNullOrEmpty(base64) ? "" : Encoding.UTF8.GetString(Convert.FromBase64String(base64));
}
