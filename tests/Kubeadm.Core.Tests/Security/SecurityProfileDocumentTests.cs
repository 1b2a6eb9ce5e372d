using Kubeadm.Core.Configuration.Serialization;
using Kubeadm.Core.Errors;
using Kubeadm.Core.Security;
using Kubeadm.Core.UploadCerts;

namespace Kubeadm.Core.Tests.Security;

public sealed class SecurityProfileDocumentTests
{
    private const string Cluster = "apiVersion: kubeadm.k8s.io/v1beta4\nkind: ClusterConfiguration\n";
    private const string Profile = "apiVersion: security.kubeadm-dotnet.io/v1alpha1\nkind: SecurityProfile\nprofile: cis\n";

    [Fact]
    public void Should_ChooseTheCisProfile_When_TheFileHasASecurityProfileDocument()
    {
        var decoded = KubeadmConfigDecoder.Decode(Cluster + "---\n" + Profile, "kubeadm.yaml");

        Assert.Equal(SecurityProfile.Cis, decoded.Config.SecurityProfile);
        Assert.Empty(decoded.Warnings);
    }

    [Fact]
    public void Should_KeepKubeadmsDefault_When_TheFileHasNoSecurityProfileDocument() =>
        Assert.Equal(SecurityProfile.None, KubeadmConfigDecoder.Decode(Cluster, "kubeadm.yaml").Config.SecurityProfile);

    [Fact]
    public void Should_ReadTheProfileBesideAJoinConfiguration_When_Joining()
    {
        var join = "apiVersion: kubeadm.k8s.io/v1beta4\nkind: JoinConfiguration\ndiscovery:\n  bootstrapToken:\n    apiServerEndpoint: 10.0.0.1:6443\n    token: abcdef.0123456789abcdef\n    unsafeSkipCAVerification: true\n";

        var decoded = KubeadmConfigDecoder.DecodeJoin(join + "---\n" + Profile, "join.yaml");

        Assert.Equal(SecurityProfile.Cis, decoded.SecurityProfile);
    }

    [Theory]
    [InlineData("profile: strict\n", "invalid value \"strict\"")]
    [InlineData("profile: cis\nlevel: 2\n", "level")]
    public void Should_NameTheField_When_TheDocumentIsWrong(string body, string expected)
    {
        var error = Assert.Throws<ValidationException>(() => KubeadmConfigDecoder.Decode(
            Cluster + "---\napiVersion: security.kubeadm-dotnet.io/v1alpha1\nkind: SecurityProfile\n" + body, "kubeadm.yaml"));

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Should_RejectAnUnknownProfile_When_TheFlagNamesOne()
    {
        var error = Assert.Throws<KubeadmUserException>(() => SecurityProfiles.Parse("hard", "flag --security-profile"));

        Assert.Contains("flag --security-profile", error.Message);
        Assert.Contains("\"cis\", \"none\"", error.Message);
    }

    [Fact]
    public void Should_ShareTheEncryptionConfigThroughKubeadmCerts_When_TheClusterUsesTheProfile()
    {
        var cluster = KubeadmConfigDecoder.Decode(Cluster, "kubeadm.yaml").Config;
        Kubeadm.Core.Configuration.Defaulting.ConfigDefaults.Apply(cluster);
        Assert.DoesNotContain(KubeadmCertsSecret.FilesFor(cluster.Cluster), f => f.DataKey == KubeadmCertsSecret.EncryptionConfigDataKey);

        cluster.Cluster.KubernetesVersion = "v1.34.2";
        CisClusterSettings.Apply(cluster.Cluster, _ => { });

        var file = Assert.Single(KubeadmCertsSecret.FilesFor(cluster.Cluster), f => f.DataKey == KubeadmCertsSecret.EncryptionConfigDataKey);
        Assert.Equal(HardeningPaths.EncryptionConfigFile, file.Path);
    }
}
