using Kubeadm.App.Init;
using Kubeadm.App.Tests.Init;
using Kubeadm.Core.Errors;
using Kubeadm.Core.Security;

namespace Kubeadm.App.Tests.Security;

public sealed class SecurityProfileLoadingTests
{
    private const string ConfigWithProfile = """
        apiVersion: kubeadm.k8s.io/v1beta4
        kind: ClusterConfiguration
        ---
        apiVersion: security.kubeadm-dotnet.io/v1alpha1
        kind: SecurityProfile
        profile: cis
        """;

    [Fact]
    public void Should_HardenTheClusterConfiguration_When_TheFlagSaysCis()
    {
        var fixture = new LoaderFixture();

        var config = fixture.Load(new InitOptions { SecurityProfile = "cis" }).Config;

        Assert.Equal(SecurityProfile.Cis, config.SecurityProfile);
        Assert.True(CisClusterSettings.IsAppliedTo(config.Cluster));
    }

    [Fact]
    public void Should_HardenTheClusterConfiguration_When_TheConfigFileHasTheDocument()
    {
        var fixture = new LoaderFixture();
        fixture.UserFiles["/kubeadm.yaml"] = ConfigWithProfile;

        var config = fixture.Load(new InitOptions { ConfigPath = "/kubeadm.yaml", ChangedFlags = ["config"] }).Config;

        Assert.Equal(SecurityProfile.Cis, config.SecurityProfile);
        Assert.True(CisClusterSettings.IsAppliedTo(config.Cluster));
    }

    [Fact]
    public void Should_LetTheFlagWinAndBeUsedBesideConfig_When_BothAreGiven()
    {
        var fixture = new LoaderFixture();
        fixture.UserFiles["/kubeadm.yaml"] = ConfigWithProfile;

        var config = fixture.Load(new InitOptions
        {
            ConfigPath = "/kubeadm.yaml",
            SecurityProfile = "none",
            ChangedFlags = ["config", "security-profile"],
        }).Config;

        Assert.Equal(SecurityProfile.None, config.SecurityProfile);
        Assert.False(CisClusterSettings.IsAppliedTo(config.Cluster));
    }

    [Fact]
    public void Should_FailNamingTheFlag_When_TheProfileIsUnknown()
    {
        var error = Assert.Throws<KubeadmUserException>(() => new LoaderFixture().Load(new InitOptions { SecurityProfile = "max" }));

        Assert.Contains("flag --security-profile", error.Message);
    }
}
