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
    public void Should_DescribeFilesAndNames_When_RenderingLongHelp()
    {
        Assert.Equal(
            "Generate the API server's serving certificate, as apiserver.crt and apiserver.key in the certificate directory.\n\n"
            + "Its names: the node name, kubernetes, kubernetes.default, kubernetes.default.svc, kubernetes.default.svc.<service DNS domain>, "
            + "the first address of the service range, the advertise address, the control-plane endpoint's host and every --apiserver-cert-extra-sans entry.\n\n"
            + "Existing files are reused, never overwritten; one that does not fit the configuration is an error.",
            CertificateHelp.LongFor(CertificateCatalogue.ApiServer));
        Assert.Equal(
            "Generate etcd's serving certificate, as etcd/server.crt and etcd/server.key in the certificate directory.\n\n"
            + "Its names: the node name, localhost, the advertise address, 127.0.0.1 and ::1, plus the extra names of the etcd configuration.\n\n"
            + "Existing files are reused, never overwritten; one that does not fit the configuration is an error.",
            CertificateHelp.LongFor(CertificateCatalogue.EtcdServer));
        Assert.DoesNotContain("Its names", CertificateHelp.LongFor(CertificateCatalogue.Ca), StringComparison.Ordinal);
        Assert.All(CertificateCatalogue.All, c => Assert.DoesNotContain(c.LongName, CertificateHelp.LongFor(c), StringComparison.Ordinal));
    }
}
