using System.Text.Json.Nodes;
using Kubeadm.Core.Addons;
using Kubeadm.Core.Configuration;
using Kubeadm.Core.ClusterApi;

namespace Kubeadm.Core.Tests.Addons;

public sealed class KubeProxyConfigurationBuilderTests
{
    [Theory]
    [InlineData("10.0.0.1", "0.0.0.0")]
    [InlineData("::ffff:10.0.0.1", "0.0.0.0")]
    [InlineData("fd00::10", "::")]
    [InlineData("", "::")]
    public void Should_PickBindAddressByFamily_When_AdvertiseAddressIsGiven(string advertise, string expected) =>
        Assert.Equal(expected, KubeProxyConfigurationBuilder.BindAddressFor(advertise));

    [Fact]
    public void Should_LeaveClusterCidrEmpty_When_PodSubnetIsUnset()
    {
        var proxy = KubeProxyConfigurationBuilder.Build(AddonScenarios.Config(), _ => { });

        Assert.Equal("", proxy["clusterCIDR"]!.GetValue<string>());
        Assert.False(proxy.ContainsKey("featureGates"));
    }

    [Fact]
    public void Should_KeepUserValuesAndWarn_When_TheyDifferFromKubeadmRecommendations()
    {
        var config = AddonScenarios.Config(c =>
        {
            c.Cluster.Networking.PodSubnet = "192.168.0.0/16";
            c.ComponentConfigs.Add(UserDocument(new JsonObject
            {
                ["bindAddress"] = "::",
                ["clusterCIDR"] = "10.10.0.0/16",
                ["clientConnection"] = new JsonObject { ["kubeconfig"] = "/etc/kp.conf", ["qps"] = 20 },
            }));
        });
        var warnings = new List<string>();

        var proxy = KubeProxyConfigurationBuilder.Build(config, warnings.Add);

        Assert.Equal("::", proxy["bindAddress"]!.GetValue<string>());
        Assert.Equal("10.10.0.0/16", proxy["clusterCIDR"]!.GetValue<string>());
        Assert.Equal("/etc/kp.conf", proxy["clientConnection"]!["kubeconfig"]!.GetValue<string>());
        Assert.Equal(20, proxy["clientConnection"]!["qps"]!.GetValue<int>());
        Assert.Equal(
            [
                "The recommended value for \"bindAddress\" in \"KubeProxyConfiguration\" is: 0.0.0.0; the provided value is: ::",
                "The recommended value for \"clusterCIDR\" in \"KubeProxyConfiguration\" is: 192.168.0.0/16; the provided value is: 10.10.0.0/16",
                "The recommended value for \"clientConnection.kubeconfig\" in \"KubeProxyConfiguration\" is: /var/lib/kube-proxy/kubeconfig.conf; the provided value is: /etc/kp.conf",
            ],
            warnings);
    }

    [Fact]
    public void Should_PrintDurationsLikeGo_When_UserWritesShortForms()
    {
        var config = AddonScenarios.Config(c => c.ComponentConfigs.Add(UserDocument(new JsonObject
        {
            ["configSyncPeriod"] = "15m",
            ["conntrack"] = new JsonObject { ["tcpCloseWaitTimeout"] = "1h" },
            ["iptables"] = new JsonObject { ["syncPeriod"] = "30s", ["minSyncPeriod"] = "1s" },
        })));

        var proxy = KubeProxyConfigurationBuilder.Build(config, _ => { });

        Assert.Equal("15m0s", proxy["configSyncPeriod"]!.GetValue<string>());
        Assert.Equal("1h0m0s", proxy["conntrack"]!["tcpCloseWaitTimeout"]!.GetValue<string>());
        Assert.Equal("30s", proxy["iptables"]!["syncPeriod"]!.GetValue<string>());
        Assert.False(proxy["iptables"]!["masqueradeAll"]!.GetValue<bool>());
    }

    [Fact]
    public void Should_NotSignConfigMap_When_KubeProxyConfigurationIsUserSupplied()
    {
        var user = KubeProxyObjects.Build(AddonScenarios.Config(AddonScenarios.UserProxyConfiguration), [], _ => { });
        var generated = KubeProxyObjects.Build(AddonScenarios.Config(), [], _ => { });

        Assert.Null(user.ConfigMap.Metadata.Annotations);
        Assert.Equal(
            ConfigMapSignature.Checksum(generated.ConfigMap),
            generated.ConfigMap.Metadata.Annotations[ConfigMapSignature.AnnotationKey]);
    }

    private static ComponentConfigDocument UserDocument(JsonObject content)
    {
        content["apiVersion"] = KubeProxyConfigurationBuilder.ApiVersion;
        content["kind"] = KubeProxyConfigurationBuilder.Kind;
        return new ComponentConfigDocument(KubeProxyConfigurationBuilder.ApiVersion, KubeProxyConfigurationBuilder.Kind, content);
    }
}
