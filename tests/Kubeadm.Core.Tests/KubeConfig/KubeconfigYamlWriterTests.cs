using System.Text;
using Kubeadm.Core.KubeConfig;

namespace Kubeadm.Core.Tests.KubeConfig;

public sealed class KubeconfigYamlWriterTests
{
    private static readonly byte[] Ca = Encoding.ASCII.GetBytes("CA");
    private static readonly byte[] Cert = Encoding.ASCII.GetBytes("CERT");
    private static readonly byte[] Key = Encoding.ASCII.GetBytes("KEY");

    [Fact]
    public void Should_WriteClientcmdLayout_When_ConfigHasClientCertificate()
    {
        var config = KubeconfigBuilder.WithClientCertificate("https://10.0.0.1:6443", "kubernetes", "kubernetes-admin", Ca, Cert, Key);

        var yaml = KubeconfigYamlWriter.Write(config);

        Assert.Equal(
            """
            apiVersion: v1
            clusters:
            - cluster:
                certificate-authority-data: Q0E=
                server: https://10.0.0.1:6443
              name: kubernetes
            contexts:
            - context:
                cluster: kubernetes
                user: kubernetes-admin
              name: kubernetes-admin@kubernetes
            current-context: kubernetes-admin@kubernetes
            kind: Config
            preferences: {}
            users:
            - name: kubernetes-admin
              user:
                client-certificate-data: Q0VSVA==
                client-key-data: S0VZ

            """.ReplaceLineEndings("\n"),
            yaml);
    }

    [Fact]
    public void Should_RoundTrip_When_WrittenThenRead()
    {
        var config = KubeconfigBuilder.WithClientCertificate("https://[fd00::1]:6443", "my-cluster", "system:node:n1", Ca, Cert, Key);

        var read = KubeconfigYamlReader.Read(KubeconfigYamlWriter.Write(config), "/etc/kubernetes/kubelet.conf");

        Assert.Equal("system:node:n1@my-cluster", read.CurrentContext);
        Assert.Equal("https://[fd00::1]:6443", Assert.Single(read.Clusters).ClusterEndpoint.Server);
        Assert.Equal("my-cluster", Assert.Single(read.Contexts).ContextDetails.Cluster);
        var user = Assert.Single(read.Users);
        Assert.Equal("system:node:n1", user.Name);
        Assert.Equal("CERT", KubeconfigBuilder.DecodeData(user.UserCredentials.ClientCertificateData));
        Assert.Equal("KEY", KubeconfigBuilder.DecodeData(user.UserCredentials.ClientKeyData));
    }

    [Fact]
    public void Should_QuoteValues_When_TheyWouldReadAsAnotherType()
    {
        var config = KubeconfigBuilder.Basic("https://10.0.0.1:6443", "true", "123", Ca);

        var yaml = KubeconfigYamlWriter.Write(config);

        Assert.Contains("name: \"true\"", yaml, StringComparison.Ordinal);
        Assert.Equal("123@true", KubeconfigYamlReader.Read(yaml, "/x.conf").CurrentContext);
    }
}
