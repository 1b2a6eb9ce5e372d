using Kubeadm.Core.Preflight;

namespace Kubeadm.Core.Tests.Preflight;

public sealed class ProxyChecksTests
{
    private static HttpProxySelector Selector(params (string Name, string Value)[] variables)
    {
        var environment = variables.ToDictionary(v => v.Name, v => v.Value);
        return new HttpProxySelector(name => environment.GetValueOrDefault(name));
    }

    [Fact]
    public void Should_Pass_When_NoProxyIsSet() =>
        Assert.Empty(ProxyChecks.CheckAdvertiseAddress(Selector(), "10.0.0.1").Warnings);

    [Fact]
    public void Should_RedactThePassword_When_TheProxyHasCredentials() =>
        Assert.Equal(
            "Connection to \"https://10.0.0.1\" uses proxy \"http://user:xxxxx@proxy:3128\". If that is not intended, adjust your proxy settings",
            Assert.Single(ProxyChecks.CheckAdvertiseAddress(Selector(("https_proxy", "http://user:secret@proxy:3128")), "10.0.0.1").Warnings));

    [Theory]
    [InlineData("10.0.0.0/8")]
    [InlineData("10.0.0.1")]
    [InlineData("*")]
    [InlineData("foo.com, 10.0.0.1:443")]
    public void Should_GoDirect_When_NoProxyMatchesTheAdvertiseAddress(string noProxy) =>
        Assert.Empty(ProxyChecks.CheckAdvertiseAddress(Selector(("HTTPS_PROXY", "proxy:3128"), ("NO_PROXY", noProxy)), "10.0.0.1").Warnings);

    [Fact]
    public void Should_UseTheProxy_When_NoProxyNamesAnotherPort() =>
        Assert.Single(ProxyChecks.CheckAdvertiseAddress(Selector(("HTTPS_PROXY", "proxy:3128"), ("NO_PROXY", "10.0.0.1:6443")), "10.0.0.1").Warnings);

    [Fact]
    public void Should_NeverProxyLoopback_When_AProxyIsSet() =>
        Assert.Empty(ProxyChecks.CheckAdvertiseAddress(Selector(("HTTPS_PROXY", "proxy:3128")), "127.0.0.1").Warnings);

    [Fact]
    public void Should_UsePort1234ForIPv6_When_TheAdvertiseAddressIsIPv6() =>
        Assert.StartsWith(
            "Connection to \"https://[fd00::1]:1234\" uses proxy",
            Assert.Single(ProxyChecks.CheckAdvertiseAddress(Selector(("HTTPS_PROXY", "proxy:3128")), "fd00::1").Warnings));

    [Fact]
    public void Should_WarnAboutTheCidr_When_ItsFirstAddressWouldBeProxied() =>
        Assert.StartsWith(
            "connection to \"10.96.0.0/12\" uses proxy \"http://proxy:3128\". This may lead to malfunctional cluster setup.",
            Assert.Single(ProxyChecks.CheckCidr(Selector(("HTTPS_PROXY", "proxy:3128"), ("NO_PROXY", "10.96.0.2")), "10.96.0.0/12").Warnings));

    [Fact]
    public void Should_MatchDomains_When_NoProxyListsAParentDomain() =>
        Assert.Null(Selector(("HTTPS_PROXY", "proxy:3128"), ("NO_PROXY", ".corp.example")).ProxyFor(new Uri("https://api.corp.example")));

    [Theory]
    [InlineData("", 0, 0)]
    [InlineData("10.244.0.0/16", 1, 0)]
    [InlineData("not-a-cidr", 0, 1)]
    public void Should_SkipEmptyAndRejectBadCidrs_When_Checked(string cidr, int warnings, int errors)
    {
        var outcome = ProxyChecks.CheckCidr(Selector(("HTTPS_PROXY", "proxy:3128")), cidr);

        Assert.Equal((warnings, errors), (outcome.Warnings.Count, outcome.Errors.Count));
    }
}
