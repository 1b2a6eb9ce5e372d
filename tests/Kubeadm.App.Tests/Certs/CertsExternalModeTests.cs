using Kubeadm.Core.Configuration;
using Kubeadm.Core.Errors;

namespace Kubeadm.App.Tests.Certs;

/// <summary>External CA mode (a CA certificate without its key) and external etcd.</summary>
public sealed class CertsExternalModeTests
{
    [Fact]
    public async Task Should_SignNothing_When_ExternalCaLeavesAreComplete()
    {
        var fixture = new CertsFixture();
        await fixture.RunAsync("all");
        fixture.FileSystem.DeleteFile(CertsFixture.PathOf("ca.key"));
        var before = fixture.Snapshot();

        var output = await fixture.RunAsync("all");

        Assert.Contains("[certs] Using existing ca keyless certificate authority\n", output, StringComparison.Ordinal);
        Assert.Contains("[certs] Using existing apiserver certificate and key on disk\n", output, StringComparison.Ordinal);
        Assert.EndsWith("[certs] Using existing sa keys\n", output, StringComparison.Ordinal);
        Assert.Equal(before, fixture.Snapshot());
    }

    [Fact]
    public async Task Should_FailInvalidOrIncompleteExternalCa_When_ExternalCaLeafIsMissing()
    {
        var fixture = new CertsFixture();
        await fixture.RunAsync("all");
        fixture.FileSystem.DeleteFile(CertsFixture.PathOf("ca.key"));
        fixture.FileSystem.DeleteFile(CertsFixture.PathOf("apiserver-kubelet-client.crt"));
        fixture.FileSystem.DeleteFile(CertsFixture.PathOf("apiserver-kubelet-client.key"));
        var before = fixture.Snapshot();

        var error = await Assert.ThrowsAsync<KubeadmUserException>(() => fixture.RunAsync("all"));

        Assert.StartsWith("invalid or incomplete external CA: /etc/kubernetes/pki/apiserver-kubelet-client.crt: certificate apiserver-kubelet-client does not exist, and it cannot be signed without the CA key /etc/kubernetes/pki/ca.key", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, fixture.Snapshot());
        await Assert.ThrowsAsync<KubeadmUserException>(() => fixture.RunAsync("apiserver-kubelet-client"));
    }

    [Fact]
    public async Task Should_NameTheFrontProxyCa_When_ExternalFrontProxyCaIsIncomplete()
    {
        var fixture = new CertsFixture();
        await fixture.RunAsync("all");
        fixture.FileSystem.DeleteFile(CertsFixture.PathOf("front-proxy-ca.key"));
        fixture.FileSystem.DeleteFile(CertsFixture.PathOf("front-proxy-client.key"));

        var error = await Assert.ThrowsAsync<KubeadmUserException>(() => fixture.RunAsync("all"));

        Assert.StartsWith("invalid or incomplete external front-proxy CA: /etc/kubernetes/pki/front-proxy-client.key:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_SkipEtcdPkiWithKubeadmMessages_When_EtcdIsExternal()
    {
        var fixture = new CertsFixture
        {
            Config = CertsFixture.NewConfig(c =>
            {
                c.Cluster.Etcd.Local = null;
                c.Cluster.Etcd.External = new ExternalEtcd { Endpoints = ["https://10.0.0.9:2379"] };
            }),
        };

        var output = await fixture.RunAsync("all");

        Assert.Contains(
            "[certs] External etcd mode: Skipping etcd/ca certificate authority generation\n"
            + "[certs] External etcd mode: Skipping etcd/server certificate generation\n"
            + "[certs] External etcd mode: Skipping etcd/peer certificate generation\n"
            + "[certs] External etcd mode: Skipping etcd/healthcheck-client certificate generation\n"
            + "[certs] External etcd mode: Skipping apiserver-etcd-client certificate generation\n",
            output,
            StringComparison.Ordinal);
        Assert.Equal(CertsFixture.CertificateFiles(externalEtcd: true).Order(StringComparer.Ordinal), fixture.Snapshot().Keys);
    }
}
