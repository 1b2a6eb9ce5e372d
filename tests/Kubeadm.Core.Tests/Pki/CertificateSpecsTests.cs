using Kubeadm.Core.Pki;

namespace Kubeadm.Core.Tests.Pki;

public sealed class CertificateSpecsTests
{
    private static readonly DateTimeOffset Start = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Should_BackdateFiveMinutesAndUseLeafPeriod_When_BuildingLeaf()
    {
        var spec = CertificateSpecs.Build(CertificateCatalogue.ApiServer, PkiConfigs.SingleNode(), Start, []);

        Assert.Equal(Start.AddMinutes(-5), spec.NotBefore);
        Assert.Equal(Start.AddHours(8760), spec.NotAfter);
        Assert.False(spec.IsCa);
        Assert.Equal("kube-apiserver", spec.CommonName);
    }

    [Fact]
    public void Should_UseCaPeriod_When_BuildingCa()
    {
        var config = PkiConfigs.SingleNode(c => c.Cluster.CaCertificateValidityPeriod = TimeSpan.FromDays(30));

        var spec = CertificateSpecs.Build(CertificateCatalogue.EtcdCa, config, Start, []);

        Assert.True(spec.IsCa);
        Assert.Equal(Start.AddDays(30), spec.NotAfter);
        Assert.Empty(spec.DnsNames);
    }

    [Fact]
    public void Should_FallBackToOneYearFromNotBefore_When_LeafPeriodIsUnset()
    {
        var config = PkiConfigs.SingleNode();
        config.Cluster.CertificateValidityPeriod = null;

        var spec = CertificateSpecs.Build(CertificateCatalogue.FrontProxyClient, config, Start, []);

        Assert.Equal(Start.AddMinutes(-5).AddHours(8760), spec.NotAfter);
    }

    [Fact]
    public void Should_UseNodeNameAsCommonName_When_BuildingEtcdServingCertificates()
    {
        var config = PkiConfigs.SingleNode();

        Assert.Equal("n1", CertificateSpecs.Build(CertificateCatalogue.EtcdServer, config, Start, []).CommonName);
        Assert.Equal("n1", CertificateSpecs.Build(CertificateCatalogue.EtcdPeer, config, Start, []).CommonName);
    }

    [Theory]
    [InlineData("RSA-3072", true, 3072)]
    [InlineData("ECDSA-P256", false, 256)]
    [InlineData("", true, 2048)]
    public void Should_MapEncryptionAlgorithm_When_ChoosingKeyType(string name, bool rsa, int size)
    {
        var config = PkiConfigs.SingleNode();
        config.Cluster.EncryptionAlgorithm = name;

        var algorithm = CertificateSpecs.KeyAlgorithmOf(config);

        Assert.Equal((rsa, size), (algorithm.IsRsa, algorithm.Size));
    }
}
