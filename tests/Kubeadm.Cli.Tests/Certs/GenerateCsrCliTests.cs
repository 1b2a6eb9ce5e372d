using System.Text;
using Kubeadm.Core.Host;
using Kubeadm.Core.KubeConfig;

namespace Kubeadm.Cli.Tests.Certs;

public sealed class GenerateCsrCliTests
{
    [Fact]
    public async Task Should_WriteKeysCsrsAndKeyOnlyKubeconfigs_When_GenerateCsrRuns()
    {
        var host = new CertsCliHost();

        var run = await host.RunAsync("certs", "generate-csr", "--kubeconfig-dir", "/tmp/k8s", "--cert-dir", "/tmp/k8s/pki");

        Assert.True(run.ExitCode == 0, run.Error);
        var expected = string.Join('\n',
            "generating keys and CSRs in /tmp/k8s/pki",
            "  apiserver", "  apiserver-kubelet-client", "  front-proxy-client", "  etcd/server", "  etcd/peer",
            "  etcd/healthcheck-client", "  apiserver-etcd-client",
            "generating keys and CSRs in /tmp/k8s",
            "  admin.conf", "  super-admin.conf", "  kubelet.conf", "  controller-manager.conf", "  scheduler.conf",
            "");
        Assert.Equal(expected, run.Output);
        foreach (var path in new[] { "/tmp/k8s/pki/apiserver.key", "/tmp/k8s/pki/apiserver.csr", "/tmp/k8s/pki/etcd/peer.csr", "/tmp/k8s/admin.conf", "/tmp/k8s/admin.conf.csr" })
        {
            Assert.Equal(FileModes.Private, host.FileSystem.GetMode(path));
        }

        Assert.False(host.FileSystem.FileExists("/tmp/k8s/pki/ca.key"));
        var kubeconfig = KubeconfigYamlReader.Read(Encoding.UTF8.GetString(host.Read("/tmp/k8s/kubelet.conf")), "kubelet.conf");
        var user = Assert.Single(kubeconfig.Users);
        Assert.Equal("system:node:n1", user.Name);
        Assert.False(string.IsNullOrEmpty(user.UserCredentials.ClientKeyData));
        Assert.True(string.IsNullOrEmpty(user.UserCredentials.ClientCertificateData));
        Assert.True(string.IsNullOrEmpty(kubeconfig.Clusters.Single().ClusterEndpoint.CertificateAuthorityData));
        Assert.Equal("https://10.0.0.1:6443", kubeconfig.Clusters.Single().ClusterEndpoint.Server);
        Assert.StartsWith("-----BEGIN CERTIFICATE REQUEST-----\n", Encoding.ASCII.GetString(host.Read("/tmp/k8s/pki/apiserver.csr")));
    }

    [Fact]
    public async Task Should_RefuseAndWriteNothing_When_AKeyAlreadyExists()
    {
        var host = new CertsCliHost();
        host.FileSystem.WriteFile("/etc/kubernetes/pki/etcd/peer.key", "x"u8, FileModes.Private);

        var run = await host.RunAsync("certs", "generate-csr");

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("file already exists: key or CSR /etc/kubernetes/pki/etcd/peer\n", run.Error);
        Assert.False(host.FileSystem.FileExists("/etc/kubernetes/pki/apiserver.key"));
    }

    [Fact]
    public async Task Should_Refuse_When_AKubeconfigOrItsCsrAlreadyExists()
    {
        var host = new CertsCliHost();
        host.FileSystem.WriteFile("/etc/kubernetes/scheduler.conf", "x"u8, FileModes.Private);

        var run = await host.RunAsync("certs", "generate-csr");

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("file already exists: kube config: /etc/kubernetes/scheduler.conf\n", run.Error);

        host.FileSystem.DeleteFile("/etc/kubernetes/scheduler.conf");
        host.FileSystem.WriteFile("/etc/kubernetes/admin.conf.csr", "x"u8, FileModes.Private);
        run = await host.RunAsync("certs", "generate-csr");
        Assert.StartsWith("file already exists: csr: /etc/kubernetes/admin.conf\n", run.Error);
    }
}
