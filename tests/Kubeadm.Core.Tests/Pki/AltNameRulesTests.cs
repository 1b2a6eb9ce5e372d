using System.Net;
using Kubeadm.Core.Configuration;
using Kubeadm.Core.Errors;
using Kubeadm.Core.Pki;

namespace Kubeadm.Core.Tests.Pki;

public sealed class AltNameRulesTests
{
    private static (string Dns, string Ips, List<string> Warnings) Sans(SanRule rule, KubeadmConfig config)
    {
        var warnings = new List<string>();
        var names = AltNameRules.For(rule, config, warnings);
        return (string.Join(" ", names.DnsNames), string.Join(" ", names.IpAddresses), warnings);
    }

    [Fact]
    public void Should_ListKubeadmApiServerSans_When_SingleNode()
    {
        var (dns, ips, warnings) = Sans(SanRule.ApiServer, PkiConfigs.SingleNode());

        Assert.Equal("kubernetes kubernetes.default kubernetes.default.svc kubernetes.default.svc.cluster.local n1", dns);
        Assert.Equal("10.96.0.1 10.0.0.1", ips);
        Assert.Empty(warnings);
    }

    [Fact]
    public void Should_ListKubeadmEtcdSans_When_SingleNode()
    {
        var config = PkiConfigs.SingleNode();

        Assert.Equal(("localhost n1", "10.0.0.1 127.0.0.1 ::1"), Pair(Sans(SanRule.EtcdServer, config)));
        Assert.Equal(("localhost n1", "10.0.0.1 127.0.0.1 ::1"), Pair(Sans(SanRule.EtcdPeer, config)));
    }

    [Fact]
    public void Should_AddEndpointHostAsDnsName_When_ControlPlaneEndpointIsDnsName()
    {
        var config = PkiConfigs.SingleNode(c => c.Cluster.ControlPlaneEndpoint = "lb.example.com:6443");

        var (dns, ips, _) = Sans(SanRule.ApiServer, config);

        Assert.Equal("kubernetes kubernetes.default kubernetes.default.svc kubernetes.default.svc.cluster.local lb.example.com n1", dns);
        Assert.Equal("10.96.0.1 10.0.0.1", ips);
    }

    [Fact]
    public void Should_AddEndpointHostAsIp_When_ControlPlaneEndpointIsBracketedIPv6()
    {
        var config = PkiConfigs.SingleNode(c => c.Cluster.ControlPlaneEndpoint = "[fd00::10]:6443");

        Assert.Equal("10.96.0.1 10.0.0.1 fd00::10", Sans(SanRule.ApiServer, config).Ips);
    }

    [Fact]
    public void Should_UseIPv6Addresses_When_AdvertiseAddressAndServiceSubnetAreIPv6()
    {
        var config = PkiConfigs.SingleNode(c =>
        {
            c.Init.LocalApiEndpoint.AdvertiseAddress = "fd00::1";
            c.Cluster.Networking.ServiceSubnet = "fd00:10::/108";
        });

        Assert.Equal("fd00:10::1 fd00::1", Sans(SanRule.ApiServer, config).Ips);
        Assert.Equal("fd00::1 127.0.0.1 ::1", Sans(SanRule.EtcdServer, config).Ips);
    }

    [Fact]
    public void Should_SortDnsAndKeepIpOrder_When_ExtraSansRepeatDefaults()
    {
        var config = PkiConfigs.SingleNode(c => c.Cluster.ApiServer.CertSans = ["zeta.example", "10.0.0.1", "*.apps.example", "alpha.example", "192.168.1.9", "kubernetes"]);

        var (dns, ips, warnings) = Sans(SanRule.ApiServer, config);

        Assert.Equal("*.apps.example alpha.example kubernetes kubernetes.default kubernetes.default.svc kubernetes.default.svc.cluster.local n1 zeta.example", dns);
        Assert.Equal("10.96.0.1 10.0.0.1 192.168.1.9", ips);
        Assert.Empty(warnings);
    }

    [Fact]
    public void Should_DropWithKubeadmWarning_When_ExtraSanIsInvalid()
    {
        var config = PkiConfigs.SingleNode(c =>
        {
            c.Cluster.ApiServer.CertSans = ["Bad_Name!", "ok.example"];
            c.Cluster.Etcd.Local!.PeerCertSans = ["under_score"];
        });

        var apiServer = Sans(SanRule.ApiServer, config);
        var peer = Sans(SanRule.EtcdPeer, config);

        Assert.Contains("ok.example", apiServer.Dns, StringComparison.Ordinal);
        Assert.DoesNotContain("Bad_Name!", apiServer.Dns, StringComparison.Ordinal);
        Assert.Equal(
            ["[certificates] WARNING: 'Bad_Name!' was not added to the 'apiserver' SAN, because it is not a valid IP or RFC-1123 compliant DNS entry"],
            apiServer.Warnings);
        Assert.Equal(
            ["[certificates] WARNING: 'under_score' was not added to the 'etcd/peer' SAN, because it is not a valid IP or RFC-1123 compliant DNS entry"],
            peer.Warnings);
    }

    [Fact]
    public void Should_UseDomainAndFirstServiceIp_When_DnsDomainAndServiceCidrAreCustom()
    {
        var config = PkiConfigs.SingleNode(c =>
        {
            c.Cluster.Networking.DnsDomain = "corp.internal";
            c.Cluster.Networking.ServiceSubnet = "172.20.0.0/16,fd00:20::/108";
        });

        var (dns, ips, _) = Sans(SanRule.ApiServer, config);

        Assert.Equal("kubernetes kubernetes.default kubernetes.default.svc kubernetes.default.svc.corp.internal n1", dns);
        Assert.Equal("172.20.0.1 10.0.0.1", ips);
    }

    [Fact]
    public void Should_AddConfiguredEtcdSans_When_ServerAndPeerSansAreSet()
    {
        var config = PkiConfigs.SingleNode(c =>
        {
            c.Cluster.Etcd.Local!.ServerCertSans = ["etcd.example", "10.1.1.1"];
            c.Cluster.Etcd.Local!.PeerCertSans = ["peer.example"];
        });

        Assert.Equal(("etcd.example localhost n1", "10.0.0.1 127.0.0.1 ::1 10.1.1.1"), Pair(Sans(SanRule.EtcdServer, config)));
        Assert.Equal(("localhost n1 peer.example", "10.0.0.1 127.0.0.1 ::1"), Pair(Sans(SanRule.EtcdPeer, config)));
    }

    [Fact]
    public void Should_FailNamingTheValue_When_AdvertiseAddressIsNotAnIp()
    {
        var config = PkiConfigs.SingleNode(c => c.Init.LocalApiEndpoint.AdvertiseAddress = "not-an-ip");

        var error = Assert.Throws<KubeadmUserException>(() => AltNameRules.ForApiServer(config, []));

        Assert.Contains("AdvertiseAddress not-an-ip", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("10.96.0.0/12", "10.96.0.1")]
    [InlineData("10.96.0.5/24", "10.96.0.1")]
    [InlineData("fd00::/64", "fd00::1")]
    public void Should_ReturnNetworkPlusOne_When_ComputingFirstServiceIp(string cidr, string expected)
    {
        Assert.Equal(IPAddress.Parse(expected), AltNameRules.FirstServiceIp(cidr));
    }

    private static (string, string) Pair((string Dns, string Ips, List<string> Warnings) sans) => (sans.Dns, sans.Ips);
}
