using Kubeadm.Core.Configuration;
using Kubeadm.Core.ControlPlane;

namespace Kubeadm.Core.Tests.ControlPlane;

public sealed class HostFactsTests
{
    [Fact]
    public void Should_ReadNonEmptyProxyVariables_When_EnvironmentHasThem()
    {
        var environment = new Dictionary<string, string> { ["HTTP_PROXY"] = "http://p", ["no_proxy"] = "x", ["HTTPS_PROXY"] = "" };
        Assert.Equal([new EnvVar("HTTP_PROXY", "http://p"), new EnvVar("no_proxy", "x")], ProxyEnvironment.Read(environment.GetValueOrDefault));
    }

    [Fact]
    public void Should_LetLaterListsWinAndSortByName_When_Merging()
    {
        var merged = ProxyEnvironment.Merge([new EnvVar("b", "1"), new EnvVar("a", "1")], [new EnvVar("b", "2")]);
        Assert.Equal([new EnvVar("a", "1"), new EnvVar("b", "2")], merged);
    }

    [Fact]
    public void Should_FoldNestedDirectoriesAndSkipMountedOnes_When_ExternalEtcdFilesAreSpread()
    {
        var external = new ExternalEtcd
        {
            CaFile = "/etc/etcd/ca.crt",
            CertFile = "/etc/etcd/client/c.crt",
            KeyFile = "/etc/kubernetes/pki/k.key",
        };
        Assert.Equal(["/etc/etcd"], ControlPlaneVolumes.ExternalEtcdCertificateDirectories(external, "/etc/kubernetes/pki"));
    }

    [Fact]
    public void Should_IgnoreEmptyPaths_When_ExternalEtcdHasNoFiles() =>
        Assert.Empty(ControlPlaneVolumes.ExternalEtcdCertificateDirectories(new ExternalEtcd(), "/etc/kubernetes/pki"));

    [Theory]
    [InlineData(null, false, "127.0.0.1", 2381, "HTTP")]
    [InlineData(null, true, "::1", 2381, "HTTP")]
    [InlineData("https://[fd00::1]:9999,http://127.0.0.1:2381", true, "fd00::1", 9999, "HTTPS")]
    [InlineData("http://:2390", false, "127.0.0.1", 2390, "HTTP")]
    [InlineData("http://10.0.0.1", false, "10.0.0.1", 2381, "HTTP")]
    public void Should_ProbeTheFirstMetricsUrl_When_ListenMetricsUrlsIsSet(string? urls, bool ipv6, string host, int port, string scheme)
    {
        var local = new LocalEtcd { ExtraArgs = urls is null ? [] : [new("listen-metrics-urls", urls)] };
        Assert.Equal(new EtcdProbeEndpoint(host, port, scheme), EtcdProbeEndpoint.For(local, ipv6));
    }

    [Theory]
    [InlineData("fd00::1", true)]
    [InlineData("10.0.0.1", false)]
    [InlineData("::ffff:10.0.0.1", false)]
    [InlineData("not-an-ip", false)]
    public void Should_DetectIpv6LikeGo_When_AddressVaries(string address, bool expected) => Assert.Equal(expected, HostPort.IsIPv6(address));
}
