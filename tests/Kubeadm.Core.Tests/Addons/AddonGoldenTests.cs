using k8s;
using k8s.Models;
using Kubeadm.Core.Addons;
using Kubeadm.Core.Configuration;

namespace Kubeadm.Core.Tests.Addons;

public sealed class AddonGoldenTests
{
    private static readonly IReadOnlyList<EnvVar> NoProxy = [];

    [Fact]
    public void Should_MatchGoldenObjects_When_ConfigurationIsDefault() =>
        AssertAllMatch("defaults", AddonScenarios.Config(), NoProxy);

    [Fact]
    public void Should_MatchGoldenObjects_When_DnsDomainAndSubnetsAreCustom() =>
        AssertAllMatch("custom-networking", AddonScenarios.Config(AddonScenarios.CustomNetworking), NoProxy);

    [Fact]
    public void Should_MatchGoldenObjects_When_ImageRepositoryAndEndpointAreCustom() =>
        AssertAllMatch("custom-images", AddonScenarios.Config(AddonScenarios.CustomImages), NoProxy);

    [Fact]
    public void Should_MatchGoldenObjects_When_AdvertiseAddressIsIpv6() =>
        AssertAllMatch("ipv6", AddonScenarios.Config(AddonScenarios.Ipv6), NoProxy);

    [Fact]
    public void Should_MatchGoldenObjects_When_UserSuppliesKubeProxyConfigurationAndProxyVariables() =>
        AssertAllMatch(
            "user-proxy-config",
            AddonScenarios.Config(AddonScenarios.UserProxyConfiguration),
            [new("https_proxy", "http://proxy:3128"), new("NO_PROXY", "10.0.0.0/8,.svc")]);

    [Fact]
    public void Should_RenderIdenticalBytes_When_BuiltTwice()
    {
        var config = AddonScenarios.Config(AddonScenarios.UserProxyConfiguration);
        Assert.Equal(RenderAll(config, NoProxy), RenderAll(config, NoProxy));
    }

    private static void AssertAllMatch(string scenario, KubeadmConfig config, IReadOnlyList<EnvVar> proxyEnvironment)
    {
        foreach (var (name, yaml) in RenderAll(config, proxyEnvironment))
        {
            AddonGoldenFiles.AssertMatches(scenario, name, yaml);
        }
    }

    private static List<(string Name, string Yaml)> RenderAll(KubeadmConfig config, IReadOnlyList<EnvVar> proxyEnvironment)
    {
        var dns = CoreDnsObjects.Build(config.Cluster);
        var proxy = KubeProxyObjects.Build(config, proxyEnvironment, _ => { });
        return
        [
            Render("coredns-configmap", dns.ConfigMap),
            Render("coredns-clusterrole", dns.ClusterRole),
            Render("coredns-clusterrolebinding", dns.ClusterRoleBinding),
            Render("coredns-serviceaccount", dns.ServiceAccount),
            Render("coredns-deployment", dns.Deployment),
            Render("coredns-service", dns.Service),
            Render("kube-proxy-configmap", proxy.ConfigMap),
            Render("kube-proxy-daemonset", proxy.DaemonSet),
            Render("kube-proxy-serviceaccount", proxy.ServiceAccount),
            Render("kube-proxy-clusterrolebinding", proxy.ClusterRoleBinding),
            Render("kube-proxy-role", proxy.Role),
            Render("kube-proxy-rolebinding", proxy.RoleBinding),
        ];
    }

    private static (string, string) Render<T>(string name, T item)
        where T : class, IKubernetesObject<V1ObjectMeta> => (name, AddonObjectJson.ToYaml(item));
}
