using Kubeadm.Core.Pki;

namespace Kubeadm.Core.Tests.Pki;

public sealed class CertificateCatalogueTests
{
    [Fact]
    public void Should_ListCertificatesInKubeadmOrder_When_EtcdIsLocal()
    {
        Assert.Equal(
            ["ca", "apiserver", "apiserver-kubelet-client", "front-proxy-ca", "front-proxy-client",
             "etcd-ca", "etcd-server", "etcd-peer", "etcd-healthcheck-client", "apiserver-etcd-client"],
            CertificateCatalogue.For(externalEtcd: false).Select(c => c.Name));
    }

    [Fact]
    public void Should_LeaveOutEtcdPki_When_EtcdIsExternal()
    {
        Assert.Equal(
            ["ca", "apiserver", "apiserver-kubelet-client", "front-proxy-ca", "front-proxy-client"],
            CertificateCatalogue.For(externalEtcd: true).Select(c => c.Name));
    }

    [Theory]
    [InlineData("ca", "ca", null, "kubernetes", "", false, false)]
    [InlineData("apiserver", "apiserver", "ca", "kube-apiserver", "", true, false)]
    [InlineData("apiserver-kubelet-client", "apiserver-kubelet-client", "ca", "kube-apiserver-kubelet-client", "kubeadm:cluster-admins", false, true)]
    [InlineData("front-proxy-ca", "front-proxy-ca", null, "front-proxy-ca", "", false, false)]
    [InlineData("front-proxy-client", "front-proxy-client", "front-proxy-ca", "front-proxy-client", "", false, true)]
    [InlineData("etcd-ca", "etcd/ca", null, "etcd-ca", "", false, false)]
    [InlineData("etcd-server", "etcd/server", "etcd-ca", null, "", true, true)]
    [InlineData("etcd-peer", "etcd/peer", "etcd-ca", null, "", true, true)]
    [InlineData("etcd-healthcheck-client", "etcd/healthcheck-client", "etcd-ca", "kube-etcd-healthcheck-client", "", false, true)]
    [InlineData("apiserver-etcd-client", "apiserver-etcd-client", "etcd-ca", "kube-apiserver-etcd-client", "", false, true)]
    public void Should_MatchKubeadmCertList_When_LookingUpEachCertificate(
        string name, string baseName, string? caName, string? commonName, string organization, bool serverAuth, bool clientAuth)
    {
        var definition = CertificateCatalogue.ByName(name);

        Assert.Equal(baseName, definition.BaseName);
        Assert.Equal(caName, definition.CaName);
        Assert.Equal(commonName, definition.CommonName);
        Assert.Equal(organization, string.Join(",", definition.Organizations));
        Assert.Equal((serverAuth, clientAuth), (definition.ServerAuth, definition.ClientAuth));
    }

    [Fact]
    public void Should_PutEachCaBeforeItsLeaves_When_ListingAll()
    {
        var names = CertificateCatalogue.All.Select(c => c.Name).ToList();

        Assert.All(
            CertificateCatalogue.All.Where(c => !c.IsCa),
            leaf => Assert.True(names.IndexOf(leaf.CaName!) < names.IndexOf(leaf.Name)));
    }

    [Fact]
    public void Should_DescribeFilesAndDefaultSans_When_RenderingLongHelp()
    {
        Assert.Equal(
            "Generate the certificate for serving the Kubernetes API, and save them into apiserver.crt and apiserver.key files.\n\n"
            + "Default SANs are kubernetes, kubernetes.default, kubernetes.default.svc, kubernetes.default.svc.cluster.local, 10.96.0.1, 127.0.0.1\n\n"
            + "If both files already exist, kubeadm skips the generation step and existing files will be used.",
            CertificateHelp.LongFor(CertificateCatalogue.ApiServer));
        Assert.Equal(
            "Generate the certificate for serving etcd, and save them into etcd/server.crt and etcd/server.key files.\n\n"
            + "Default SANs are localhost, 127.0.0.1, 127.0.0.1, ::1\n\n"
            + "If both files already exist, kubeadm skips the generation step and existing files will be used.",
            CertificateHelp.LongFor(CertificateCatalogue.EtcdServer));
        Assert.DoesNotContain("Default SANs", CertificateHelp.LongFor(CertificateCatalogue.Ca), StringComparison.Ordinal);
    }
}
