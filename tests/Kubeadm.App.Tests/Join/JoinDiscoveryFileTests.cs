using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Kubeadm.App.Join;
using Kubeadm.Core.Configuration;

namespace Kubeadm.App.Tests.Join;

public sealed class JoinDiscoveryFileTests
{
    [Fact]
    public async Task Should_EmbedTheFilesClientCertificateAndKey_When_TheDiscoveryFileCarriesCredentials()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var ca = new CertificateRequest("CN=kubernetes", key, HashAlgorithmName.SHA256).CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddHours(1));
        var caData = Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes(ca.ExportCertificatePem()));
        var files = new Dictionary<string, byte[]>
        {
            ["/d/discovery.conf"] = System.Text.Encoding.UTF8.GetBytes($"""
                apiVersion: v1
                kind: Config
                clusters:
                - name: c
                  cluster:
                    server: https://192.0.2.10:6443
                    certificate-authority-data: {caData}
                contexts:
                - name: ctx
                  context:
                    cluster: c
                    user: u
                current-context: ctx
                users:
                - name: u
                  user:
                    client-certificate: /d/client.crt
                    client-key: /d/client.key
                """),
            ["/d/client.crt"] = "CERT"u8.ToArray(),
            ["/d/client.key"] = "KEY"u8.ToArray(),
        };
        var join = new JoinConfiguration { Discovery = { File = new FileDiscovery { KubeConfigPath = "/d/discovery.conf" } } };
        var discovery = new JoinDiscovery(new ClusterInfo(), TimeProvider.System, TextWriter.Null, TextWriter.Null, path => files[path], 0);

        var kubeconfig = await discovery.DiscoverAsync(join, CancellationToken.None);

        var user = Assert.Single(kubeconfig.Users!).UserCredentials;
        Assert.Equal(Convert.ToBase64String("CERT"u8.ToArray()), user.ClientCertificateData);
        Assert.Equal(Convert.ToBase64String("KEY"u8.ToArray()), user.ClientKeyData);
        Assert.Null(user.ClientCertificate);
        Assert.Null(user.ClientKey);
    }

    /// <summary>cluster-info answers with nothing to refresh from (the file is used as is).</summary>
    private sealed class ClusterInfo : IClusterInfoSource
    {
        public Task<IDictionary<string, string>?> GetAsync(string server, X509Certificate2Collection? trustedCa, CancellationToken cancellationToken) =>
            Task.FromResult<IDictionary<string, string>?>(new Dictionary<string, string>());
    }
}
