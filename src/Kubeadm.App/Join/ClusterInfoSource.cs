using System.Security.Cryptography.X509Certificates;
using k8s.Models;
using Kubeadm.App.ClusterApi;
using Kubeadm.Core.BootstrapTokens;

namespace Kubeadm.App.Join;

/// <summary>Reads kube-public/cluster-info anonymously: without TLS verification (the first fetch) or trusting only the pinned CA.</summary>
public interface IClusterInfoSource
{
    /// <summary>The ConfigMap's data; throws when the request fails.</summary>
    Task<IDictionary<string, string>?> GetAsync(string server, X509Certificate2Collection? trustedCa, CancellationToken cancellationToken);
}

/// <summary>The real API server, over its REST interface, with kubeadm's 10 s request timeout.</summary>
public sealed class KubernetesClusterInfoSource : IClusterInfoSource
{
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(10);

    public async Task<IDictionary<string, string>?> GetAsync(string server, X509Certificate2Collection? trustedCa, CancellationToken cancellationToken)
    {
        using var client = KubeconfigConnection.Anonymous(server, trustedCa, RequestTimeout + TimeSpan.FromSeconds(1));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(RequestTimeout);
        var configMap = await client.GetAsync<V1ConfigMap>(ClusterInfoConfigMap.Name, BootstrapTokenRbac.PublicNamespace, timeout.Token).ConfigureAwait(false);
        return configMap.Data;
    }
}
