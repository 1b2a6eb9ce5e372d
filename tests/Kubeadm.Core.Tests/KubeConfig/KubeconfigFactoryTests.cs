using System.Security.Cryptography.X509Certificates;
using Kubeadm.Core.Configuration;
using Kubeadm.Core.KubeConfig;
using Kubeadm.Core.Pki;

namespace Kubeadm.Core.Tests.KubeConfig;

public sealed class KubeconfigFactoryTests
{
    private static readonly KubeconfigClusterSettings Settings = new()
    {
        ClusterName = "kubernetes",
        NodeName = "node-1",
        AdvertiseAddress = "10.0.0.1",
        BindPort = 6443,
        KeyAlgorithm = KeyAlgorithm.EcdsaP256,
    };

    [Fact]
    public void Should_IssueClientAuthCertFromCaNotBefore_When_BuildingSpec()
    {
        var caNotBefore = TestCa.StartTime.AddMinutes(-5);

        var spec = KubeconfigFactory.ClientCertificateSpec(KubeconfigCatalogue.Kubelet, Settings, caNotBefore, TestCa.StartTime);

        Assert.Equal("system:node:node-1", spec.CommonName);
        Assert.Equal(["system:nodes"], spec.Organizations);
        Assert.True(spec.ClientAuth);
        Assert.False(spec.ServerAuth);
        Assert.False(spec.IsCa);
        Assert.Equal(caNotBefore, spec.NotBefore);
        Assert.Equal(TestCa.StartTime.AddHours(8760), spec.NotAfter);
    }

    [Fact]
    public void Should_UseCertificateValidityPeriod_When_Configured()
    {
        var config = new KubeadmConfig();
        config.Cluster.ClusterName = "c";
        config.Cluster.CertificateValidityPeriod = TimeSpan.FromDays(30);
        config.Init.LocalApiEndpoint = new ApiEndpoint { AdvertiseAddress = "10.0.0.1", BindPort = 6443 };

        var spec = KubeconfigFactory.ClientCertificateSpec(
            KubeconfigCatalogue.Admin, KubeconfigClusterSettings.From(config), TestCa.StartTime, TestCa.StartTime);

        Assert.Equal(TestCa.StartTime.AddDays(30), spec.NotAfter);
    }

    [Fact]
    public void Should_EmbedCaAndCertSignedByCa_When_Creating()
    {
        var ca = TestCa.Create();

        var config = KubeconfigFactory.Create(KubeconfigCatalogue.Admin, Settings, ca, new TestCa.FastKeys(), TestCa.StartTime);

        Assert.Equal("kubernetes-admin@kubernetes", config.CurrentContext);
        Assert.Equal(KubeconfigBuilder.DecodeData(Convert.ToBase64String(TestCa.Pem(ca))),
            KubeconfigBuilder.DecodeData(Assert.Single(config.Clusters).ClusterEndpoint.CertificateAuthorityData));
        var user = Assert.Single(config.Users);
        using var certificate = X509Certificate2.CreateFromPem(KubeconfigBuilder.DecodeData(user.UserCredentials.ClientCertificateData));
        Assert.Equal("CN=kubernetes-admin, O=kubeadm:cluster-admins", certificate.Subject);
        Assert.Equal(ca.Certificate.Subject, certificate.Issuer);
        Assert.Equal(ca.Certificate.NotBefore, certificate.NotBefore);
        Assert.True(CertificateChecks.IsSignedBy(certificate, [], ca.Certificate));
        Assert.Contains("PRIVATE KEY", KubeconfigBuilder.DecodeData(user.UserCredentials.ClientKeyData), StringComparison.Ordinal);
    }
}
