using Kubeadm.Core.Errors;
using Kubeadm.Core.KubeConfig;

namespace Kubeadm.Core.Tests.KubeConfig;

public sealed class ApiServerUrlTests
{
    [Theory]
    [InlineData("", "10.0.0.1", 6443, "https://10.0.0.1:6443")]
    [InlineData("lb.example.com", "10.0.0.1", 6443, "https://lb.example.com:6443")]
    [InlineData("lb.example.com:8443", "10.0.0.1", 6443, "https://lb.example.com:8443")]
    [InlineData("192.168.1.10", "10.0.0.1", 7443, "https://192.168.1.10:7443")]
    [InlineData("192.168.1.10:443", "10.0.0.1", 6443, "https://192.168.1.10:443")]
    [InlineData("[fd00::10]:8443", "10.0.0.1", 6443, "https://[fd00::10]:8443")]
    [InlineData("fd00::10", "10.0.0.1", 6443, "https://[fd00::10]:6443")]
    [InlineData("", "fd00::1", 6443, "https://[fd00::1]:6443")]
    public void Should_BuildControlPlaneUrl_When_EndpointIs(string endpoint, string advertise, int port, string expected) =>
        Assert.Equal(expected, ApiServerUrl.ControlPlane(endpoint, advertise, port));

    [Theory]
    [InlineData("10.0.0.1", 6443, "https://10.0.0.1:6443")]
    [InlineData("2001:DB8::0:1", 9443, "https://[2001:db8::1]:9443")]
    public void Should_BuildLocalUrl_When_AdvertiseAddressIs(string advertise, int port, string expected) =>
        Assert.Equal(expected, ApiServerUrl.Local(advertise, port));

    [Fact]
    public void Should_IgnoreControlPlaneEndpoint_When_ServerKindIsLocal() =>
        Assert.Equal("https://10.0.0.1:6443", ApiServerUrl.For(KubeconfigServerKind.LocalEndpoint, "lb.example.com:8443", "10.0.0.1", 6443));

    [Theory]
    [InlineData("not-an-ip", 6443)]
    [InlineData("10.0.0.1", 0)]
    [InlineData("10.0.0.1", 70000)]
    public void Should_Throw_When_LocalEndpointIsInvalid(string advertise, int port) =>
        Assert.Throws<KubeadmUserException>(() => ApiServerUrl.Local(advertise, port));

    [Fact]
    public void Should_Throw_When_ControlPlaneEndpointIsInvalid()
    {
        var error = Assert.Throws<KubeadmUserException>(() => ApiServerUrl.ControlPlane("bad_host:99999", "10.0.0.1", 6443));

        Assert.Contains("controlPlaneEndpoint", error.Message, StringComparison.Ordinal);
    }
}
