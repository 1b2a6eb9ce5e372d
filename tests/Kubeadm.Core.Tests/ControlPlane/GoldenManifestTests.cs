using Kubeadm.Core.Configuration;
using Kubeadm.Core.ControlPlane;

namespace Kubeadm.Core.Tests.ControlPlane;

public sealed class GoldenManifestTests
{
    private static readonly StaticPodHostFacts ProxyHost = ManifestScenarios.DebianHost with
    {
        ProxyEnvironment = [new("HTTPS_PROXY", "http://proxy:3128"), new("no_proxy", "10.0.0.0/8,.svc")],
    };

    private static readonly StaticPodHostFacts ExternalCaHost = ManifestScenarios.DebianHost with
    {
        HostPathExists = path => path is "/etc/pki/ca-trust" or "/etc/pki/tls/certs",
        UsingExternalCa = true,
    };

    [Fact]
    public void Should_MatchGoldenManifests_When_ConfigurationIsDefault() =>
        AssertAllMatch("defaults", ManifestScenarios.Config(), ManifestScenarios.DebianHost);

    [Fact]
    public void Should_MatchGoldenManifests_When_ExtraArgsOverrideDefaults() =>
        AssertAllMatch("extra-args", ManifestScenarios.Config(ManifestScenarios.ExtraArgs), ProxyHost);

    [Fact]
    public void Should_MatchGoldenManifests_When_EtcdIsExternalAndCaKeyIsAbsent() =>
        AssertAllMatch("external-etcd", ManifestScenarios.Config(ManifestScenarios.ExternalEtcd), ExternalCaHost);

    [Fact]
    public void Should_MatchGoldenManifests_When_AdvertiseAddressIsIpv6() =>
        AssertAllMatch("ipv6", ManifestScenarios.Config(ManifestScenarios.Ipv6), ManifestScenarios.DebianHost);

    [Fact]
    public void Should_MatchGoldenManifests_When_BindPortIsCustom() =>
        AssertAllMatch("custom-bind-port", ManifestScenarios.Config(ManifestScenarios.CustomBindPort), ManifestScenarios.DebianHost);

    [Fact]
    public void Should_RenderIdenticalBytes_When_BuiltTwice()
    {
        var first = Render(EtcdPodBuilder.Build(ManifestScenarios.Config(ManifestScenarios.ExtraArgs)));
        var second = Render(EtcdPodBuilder.Build(ManifestScenarios.Config(ManifestScenarios.ExtraArgs)));
        Assert.Equal(first, second);
    }

    private static void AssertAllMatch(string scenario, KubeadmConfig config, StaticPodHostFacts host)
    {
        if (config.Cluster.Etcd.External is null)
        {
            GoldenFiles.AssertMatches(scenario, ComponentNames.Etcd, Render(EtcdPodBuilder.Build(config)));
        }

        GoldenFiles.AssertMatches(scenario, ComponentNames.ApiServer, Render(ApiServerPodBuilder.Build(config, host)));
        GoldenFiles.AssertMatches(scenario, ComponentNames.ControllerManager, Render(ControllerManagerPodBuilder.Build(config, host)));
        GoldenFiles.AssertMatches(scenario, ComponentNames.Scheduler, Render(SchedulerPodBuilder.Build(config, host)));
    }

    private static string Render(k8s.Models.V1Pod pod) => StaticPodSerializer.ToYaml(StaticPodSerializer.ToJsonObject(pod));
}
