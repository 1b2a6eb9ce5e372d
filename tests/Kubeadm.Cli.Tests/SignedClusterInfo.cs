using System.Security.Cryptography.X509Certificates;
using Kubeadm.App.Join;
using Kubeadm.Core.BootstrapTokens;
using Kubeadm.Core.Join;
using Kubeadm.Core.Pki;

namespace Kubeadm.Cli.Tests;

/// <summary>A cluster-info ConfigMap signed the way kube-controller-manager's bootstrap signer signs it, for one token.</summary>
internal sealed class SignedClusterInfo(X509Certificate2 ca, string signingToken) : IClusterInfoSource
{
    /// <summary>A self-signed CA, as a cluster's.</summary>
    public static X509Certificate2 NewCa()
    {
        using var key = System.Security.Cryptography.ECDsa.Create();
        var request = new CertificateRequest("CN=kubernetes", key, System.Security.Cryptography.HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddDays(1));
    }

    public Task<IDictionary<string, string>?> GetAsync(string server, X509Certificate2Collection? trustedCa, CancellationToken cancellationToken)
    {
        var kubeconfig = "apiVersion: v1\nclusters:\n- cluster:\n    certificate-authority-data: " +
            Convert.ToBase64String(PemCodec.EncodeCertificates(ca)) + "\n    server: https://10.0.0.1:6443\n  name: \"\"\ncontexts: null\ncurrent-context: \"\"\nkind: Config\npreferences: {}\nusers: null\n";
        Assert.True(BootstrapTokenString.TryParse(signingToken, out var token));
        IDictionary<string, string> data = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [ClusterInfoConfigMap.KubeconfigKey] = kubeconfig,
            [ClusterInfoSignature.KeyFor(token.Id)] = ClusterInfoSignature.ComputeDetached(kubeconfig, token.Id, token.Secret),
        };
        return Task.FromResult<IDictionary<string, string>?>(data);
    }
}
