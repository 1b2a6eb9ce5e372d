using System.Security.Cryptography;
using k8s.KubeConfigModels;
using Kubeadm.Core.BootstrapTokens;
using Kubeadm.Core.Errors;
using Kubeadm.Core.Pki;

namespace Kubeadm.Core.Join;

/// <summary>Where a node joins and which CAs it pins: the API server's host:port and the CA public key hashes.</summary>
/// <param name="HostPort">The cluster server URL without "https://" (e.g. "10.0.0.1:6443", "[fd00::1]:6443").</param>
/// <param name="CaCertHashes">"sha256:…" for every certificate in the CA bundle, in bundle order.</param>
public sealed record JoinTarget(string HostPort, IReadOnlyList<string> CaCertHashes)
{
    /// <summary>
    /// Reads the target from a kubeconfig's current cluster (admin.conf): its CA from certificate-authority-data, else from
    /// the certificate-authority file through <paramref name="readFile"/>.
    /// </summary>
    public static JoinTarget FromKubeconfig(K8SConfiguration kubeconfig, string path, Func<string, byte[]> readFile)
    {
        ArgumentNullException.ThrowIfNull(readFile);
        var cluster = CurrentCluster.Of(kubeconfig, path).ClusterEndpoint ?? new ClusterEndpoint();
        byte[] caPem;
        string source;
        if (!string.IsNullOrEmpty(cluster.CertificateAuthorityData))
        {
            caPem = Convert.FromBase64String(cluster.CertificateAuthorityData);
            source = $"{path} (certificate-authority-data)";
        }
        else if (!string.IsNullOrEmpty(cluster.CertificateAuthority))
        {
            caPem = readFile(cluster.CertificateAuthority);
            source = cluster.CertificateAuthority;
        }
        else
        {
            throw new KubeadmUserException($"no CA certificates found in kubeconfig {path}");
        }

        IReadOnlyList<string> hashes;
        try
        {
            hashes = [.. PemCodec.DecodeCertificates(caPem, source).Select(CaCertificatePin.Hash)];
        }
        catch (CryptographicException e)
        {
            throw new KubeadmUserException($"failed to parse CA certificate from kubeconfig {path}: {e.Message}", e);
        }

        var server = cluster.Server ?? "";
        return new JoinTarget(server.Replace("https://", "", StringComparison.Ordinal), hashes);
    }
}
