using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using k8s.KubeConfigModels;
using Kubeadm.Core.BootstrapTokens;
using Kubeadm.Core.KubeConfig;
using Kubeadm.Core.Pki;

namespace Kubeadm.Core.Join;

/// <summary>
/// The pure checks of token discovery, in kubeadm's order and words: the cluster-info ConfigMap must carry a kubeconfig
/// and this token's JWS, the signature must verify, the kubeconfig must parse, and (unless unsafe-skip) one of its CA
/// certificates must match one of the pins. Every failure is a <see cref="DiscoveryException"/>.
/// </summary>
public static class ClusterInfoTrust
{
    /// <summary>Checks the first (insecure) fetch and returns the verified kubeconfig text.</summary>
    public static string VerifySignedKubeconfig(IDictionary<string, string>? data, BootstrapTokenString token)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (data is null || !data.TryGetValue(ClusterInfoConfigMap.KubeconfigKey, out var kubeconfig) || kubeconfig.Length == 0)
        {
            throw new DiscoveryException(
                "there is no kubeconfig key in the cluster-info ConfigMap. This API Server isn't set up for token bootstrapping, can't connect");
        }

        if (!data.TryGetValue(ClusterInfoSignature.KeyFor(token.Id), out var signature))
        {
            throw new DiscoveryException(
                $"token id \"{token.Id}\" is invalid for this cluster or it has expired. Use \"kubeadm token create\" on the control-plane node to create a new valid token");
        }

        if (!ClusterInfoSignature.Verify(signature, kubeconfig, token.Id, token.Secret))
        {
            throw new DiscoveryException("failed to verify JWS signature of received cluster info object, can't trust this API Server");
        }

        return kubeconfig;
    }

    /// <summary>Parses the cluster-info kubeconfig and returns its only cluster (server and CA data).</summary>
    public static ClusterEndpoint ParseCluster(string kubeconfig)
    {
        try
        {
            var parsed = KubeconfigYamlReader.Read(kubeconfig, "cluster-info");
            var cluster = parsed.Clusters?.FirstOrDefault()?.ClusterEndpoint;
            if (cluster is null || string.IsNullOrEmpty(cluster.Server))
            {
                throw new DiscoveryException("couldn't parse the kubeconfig file in the cluster-info ConfigMap: it has no cluster with a server");
            }

            return cluster;
        }
        catch (KubeconfigFormatException e)
        {
            throw new DiscoveryException($"couldn't parse the kubeconfig file in the cluster-info ConfigMap: {e.Message}", e);
        }
    }

    /// <summary>The CA certificates of the cluster entry (PEM in certificate-authority-data).</summary>
    public static X509Certificate2Collection CaCertificates(ClusterEndpoint cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        if (string.IsNullOrEmpty(cluster.CertificateAuthorityData))
        {
            throw new DiscoveryException("the cluster-info kubeconfig carries no certificate-authority-data; the cluster CA cannot be pinned");
        }

        try
        {
            return [.. PemCodec.DecodeCertificates(Convert.FromBase64String(cluster.CertificateAuthorityData), "cluster-info")];
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            throw new DiscoveryException($"couldn't parse the CA certificates in the cluster-info ConfigMap: {e.Message}", e);
        }
    }

    /// <summary>At least one CA certificate must match one of the pins.</summary>
    public static void RequirePinned(X509Certificate2Collection caCertificates, IReadOnlyCollection<string> pins)
    {
        ArgumentNullException.ThrowIfNull(caCertificates);
        ArgumentNullException.ThrowIfNull(pins);
        if (!CaCertHashes.AnyPinned(caCertificates, pins))
        {
            var found = string.Join(", ", caCertificates.Select(c => $"\"{CaCertificatePin.Hash(c)}\""));
            throw new DiscoveryException(
                $"cluster CA found in cluster-info ConfigMap is invalid: none of the public keys {found} are pinned");
        }
    }

    /// <summary>The second fetch, over the pinned CA, must return the very same kubeconfig text.</summary>
    public static void RequireSameKubeconfig(string first, IDictionary<string, string>? secondData)
    {
        var second = secondData is not null && secondData.TryGetValue(ClusterInfoConfigMap.KubeconfigKey, out var text) ? text : null;
        if (!string.Equals(first, second, StringComparison.Ordinal))
        {
            throw new DiscoveryException("the second kubeconfig from the cluster-info ConfigMap (using validated TLS) was different from the first");
        }
    }
}
