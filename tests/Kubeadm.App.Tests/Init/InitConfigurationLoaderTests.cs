using Kubeadm.App.Init;
using Kubeadm.Core.Errors;

namespace Kubeadm.App.Tests.Init;

public sealed class InitConfigurationLoaderTests
{
    [Fact]
    public void Should_FillHostDerivedDefaults_When_NothingIsGiven()
    {
        var fixture = new LoaderFixture();

        var config = fixture.Load(new InitOptions()).Config;

        Assert.Equal("node-a", config.Init.NodeRegistration.Name);
        Assert.Equal("10.0.0.7", config.Init.LocalApiEndpoint.AdvertiseAddress);
        Assert.Equal(6443, config.Init.LocalApiEndpoint.BindPort);
        Assert.Equal("unix:///var/run/containerd/containerd.sock", config.Init.NodeRegistration.CriSocket);
        Assert.Equal("v1.34.2", config.Cluster.KubernetesVersion);
        var taint = Assert.Single(config.Init.NodeRegistration.Taints!);
        Assert.Equal(("node-role.kubernetes.io/control-plane", "NoSchedule"), (taint.Key, taint.Effect));
        Assert.Matches("^[a-z0-9]{6}\\.[a-z0-9]{16}$", Assert.Single(config.Init.BootstrapTokens).Token);
        Assert.Contains(fixture.Warnings, w => w.Contains("stable-1", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_WriteFlagsIntoTheConfiguration_When_NoConfigFileIsGiven()
    {
        var options = new InitOptions
        {
            AdvertiseAddress = "192.168.1.5",
            BindPort = 8443,
            ControlPlaneEndpoint = "cp.example.com:8443",
            PodNetworkCidr = "10.244.0.0/16",
            ServiceCidr = "10.100.0.0/16",
            ServiceDnsDomain = "corp.local",
            KubernetesVersion = "1.34.1",
            CertDir = "/srv/pki",
            CertExtraSans = ["api.example.com", "10.1.1.1"],
            FeatureGates = "NodeLocalCRISocket=false",
            ImageRepository = "mirror.example.com",
            NodeName = "cp-1",
            CriSocket = "unix:///run/crio/crio.sock",
            Token = "abcdef.0123456789abcdef",
            TokenTtl = "2h",
            SkipPhases = ["addon/kube-proxy"],
            DryRun = true,
        };

        var config = new LoaderFixture().Load(options).Config;

        Assert.Equal("192.168.1.5", config.Init.LocalApiEndpoint.AdvertiseAddress);
        Assert.Equal(8443, config.Init.LocalApiEndpoint.BindPort);
        Assert.Equal("cp.example.com:8443", config.Cluster.ControlPlaneEndpoint);
        Assert.Equal("10.244.0.0/16", config.Cluster.Networking.PodSubnet);
        Assert.Equal("10.100.0.0/16", config.Cluster.Networking.ServiceSubnet);
        Assert.Equal("corp.local", config.Cluster.Networking.DnsDomain);
        Assert.Equal("v1.34.1", config.Cluster.KubernetesVersion);
        Assert.Equal("/srv/pki", config.Cluster.CertificatesDir);
        Assert.Equal(["api.example.com", "10.1.1.1"], config.Cluster.ApiServer.CertSans);
        Assert.False(config.Cluster.FeatureGates["NodeLocalCRISocket"]);
        Assert.Equal("mirror.example.com", config.Cluster.ImageRepository);
        Assert.Equal("cp-1", config.Init.NodeRegistration.Name);
        Assert.Equal("unix:///run/crio/crio.sock", config.Init.NodeRegistration.CriSocket);
        Assert.Equal("abcdef.0123456789abcdef", config.Init.BootstrapTokens[0].Token);
        Assert.Equal(TimeSpan.FromHours(2), config.Init.BootstrapTokens[0].Ttl);
        Assert.True(config.Cluster.Proxy.Disabled);
        Assert.True(config.Init.DryRun);
    }

    [Fact]
    public void Should_LetAllowedFlagsOverrideTheFile_When_ConfigIsGiven()
    {
        var fixture = new LoaderFixture();
        fixture.UserFiles["c.yaml"] = """
            apiVersion: kubeadm.k8s.io/v1beta4
            kind: InitConfiguration
            nodeRegistration:
              name: from-file
              ignorePreflightErrors: [Swap]
            skipPhases: [addon/coredns]
            """;

        var config = fixture.Load(new InitOptions
        {
            ConfigPath = "c.yaml",
            NodeName = "from-flag",
            IgnorePreflightErrors = ["NumCPU", "swap"],
            ChangedFlags = ["config", "node-name", "ignore-preflight-errors", "dry-run"],
        }).Config;

        Assert.Equal("from-flag", config.Init.NodeRegistration.Name);
        Assert.Equal(["numcpu", "swap"], config.Init.NodeRegistration.IgnorePreflightErrors.Order(StringComparer.Ordinal));
        Assert.True(config.Cluster.Dns.Disabled);
    }

    [Theory]
    [InlineData("apiserver-advertise-address")]
    [InlineData("kubernetes-version")]
    [InlineData("certificate-key")]
    [InlineData("token")]
    public void Should_Refuse_When_ConfigIsMixedWithAConfigBoundFlag(string flag)
    {
        var error = Assert.Throws<KubeadmUserException>(() =>
            new LoaderFixture().Load(new InitOptions { ConfigPath = "c.yaml", ChangedFlags = ["config", flag] }));

        Assert.Equal(
            $"can not mix '--config' with arguments [{flag}]; put these settings in the config file instead, or drop --config",
            error.Message);
    }

    [Fact]
    public void Should_SkipTheAddonPhase_When_TheConfigDisablesIt()
    {
        var fixture = new LoaderFixture();
        fixture.UserFiles["c.yaml"] = "apiVersion: kubeadm.k8s.io/v1beta4\nkind: ClusterConfiguration\nproxy:\n  disabled: true\n";

        var config = fixture.Load(new InitOptions { ConfigPath = "c.yaml", ChangedFlags = ["config"] }).Config;

        Assert.Contains("addon/kube-proxy", config.Init.SkipPhases);
        Assert.DoesNotContain("addon/coredns", config.Init.SkipPhases);
    }

    [Fact]
    public void Should_UseTheOnlyRuntimeFound_When_OneKnownSocketExists()
    {
        var fixture = new LoaderFixture();
        fixture.FileSystem.WriteFile("/var/run/crio/crio.sock", [], UnixFileMode.UserRead);

        var config = fixture.Load(new InitOptions()).Config;

        Assert.Equal("unix:///var/run/crio/crio.sock", config.Init.NodeRegistration.CriSocket);
    }

    [Fact]
    public void Should_AskWhichRuntime_When_SeveralKnownSocketsExist()
    {
        var fixture = new LoaderFixture();
        fixture.FileSystem.WriteFile("/var/run/crio/crio.sock", [], UnixFileMode.UserRead);
        fixture.FileSystem.WriteFile("/var/run/containerd/containerd.sock", [], UnixFileMode.UserRead);

        var error = Assert.Throws<KubeadmUserException>(() => fixture.Load(new InitOptions()));

        Assert.Contains("found multiple CRI endpoints", error.Message);
        Assert.Contains("--cri-socket", error.Message);
    }

    [Fact]
    public void Should_ReportEveryError_When_SeveralFlagsAreInvalid()
    {
        var error = Assert.Throws<ValidationException>(() => new LoaderFixture().Load(new InitOptions
        {
            AdvertiseAddress = "not-an-ip",
            ServiceCidr = "10.96.0.0/30",
            PodNetworkCidr = "10.244.0.0",
            Token = "short",
        }));

        Assert.True(error.Errors.Count >= 4, string.Join("\n", error.Errors));
        Assert.DoesNotContain(error.Errors, e => e.Contains("short", StringComparison.Ordinal) && !e.Contains("bootstrapTokens", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Foo")]
    [InlineData("Foo=maybe")]
    public void Should_NameTheFlag_When_FeatureGatesAreMalformed(string value)
    {
        var error = Assert.Throws<KubeadmUserException>(() => new LoaderFixture().Load(new InitOptions { FeatureGates = value }));

        Assert.Contains("--feature-gates", error.Message);
    }

    [Fact]
    public void Should_RejectUnknownFeatureGate_When_ValidationRuns()
    {
        var error = Assert.Throws<ValidationException>(() => new LoaderFixture().Load(new InitOptions { FeatureGates = "NoSuchGate=true" }));

        Assert.Contains("NoSuchGate", error.Message);
    }
}
