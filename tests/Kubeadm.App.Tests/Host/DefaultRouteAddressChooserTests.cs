using System.Net;
using System.Net.Sockets;
using Kubeadm.Core.Host;

namespace Kubeadm.App.Tests.Host;

public sealed class DefaultRouteAddressChooserTests
{
    private static readonly InterfaceAddresses Loopback = new("lo", true, [IPAddress.Parse("127.0.0.1"), IPAddress.Parse("::1")]);
    private static readonly InterfaceAddresses Eth0 = new("eth0", true,
        [IPAddress.Parse("fe80::5054:ff:fe12:3456"), IPAddress.Parse("169.254.0.9"), IPAddress.Parse("192.168.2.10"), IPAddress.Parse("fd00::10"), IPAddress.Parse("192.168.2.11")]);
    private static readonly InterfaceAddresses Eth1 = new("eth1", true, [IPAddress.Parse("10.0.10.5")]);

    [Fact]
    public void Should_ReturnFirstGlobalIPv4OfDefaultInterface_When_DefaultRouteOnEth0()
    {
        var routes = ProcNetRouteParser.ParseIPv4DefaultRoutes(RouteFixtures.IPv4DefaultViaEth0);

        var address = DefaultRouteAddressChooser.Choose(routes, [Loopback, Eth1, Eth0], AddressFamily.InterNetwork);

        Assert.Equal(IPAddress.Parse("192.168.2.10"), address);
    }

    [Fact]
    public void Should_ReturnNull_When_NoDefaultRoute()
    {
        var routes = ProcNetRouteParser.ParseIPv4DefaultRoutes(RouteFixtures.IPv4WithoutDefault);

        Assert.Null(DefaultRouteAddressChooser.Choose(routes, [Loopback, Eth0], AddressFamily.InterNetwork));
    }

    [Fact]
    public void Should_ChooseDefaultRouteInterface_When_ListedAfterOthers()
    {
        var routes = ProcNetRouteParser.ParseIPv4DefaultRoutes(RouteFixtures.IPv4DefaultViaEth1ListedLast);

        var address = DefaultRouteAddressChooser.Choose(routes, [Loopback, Eth0, Eth1], AddressFamily.InterNetwork);

        Assert.Equal(IPAddress.Parse("10.0.10.5"), address);
    }

    [Fact]
    public void Should_PreferRequestedFamily_When_BothFamiliesHaveDefaultRoutes()
    {
        var routes = ProcNetRouteParser.ParseIPv4DefaultRoutes(RouteFixtures.IPv4DefaultViaEth0)
            .Concat(ProcNetRouteParser.ParseIPv6DefaultRoutes(RouteFixtures.IPv6DefaultViaEth0)).ToList();

        Assert.Equal(IPAddress.Parse("fd00::10"), DefaultRouteAddressChooser.Choose(routes, [Eth0], AddressFamily.InterNetworkV6));
        Assert.Equal(IPAddress.Parse("192.168.2.10"), DefaultRouteAddressChooser.Choose(routes, [Eth0], AddressFamily.InterNetwork));
    }

    [Fact]
    public void Should_FallBackToOtherFamily_When_PreferredFamilyHasNoRoute()
    {
        var routes = ProcNetRouteParser.ParseIPv6DefaultRoutes(RouteFixtures.IPv6DefaultViaEth0);

        Assert.Equal(IPAddress.Parse("fd00::10"), DefaultRouteAddressChooser.Choose(routes, [Eth0], AddressFamily.InterNetwork));
    }

    [Fact]
    public void Should_SkipInterface_When_DownOrWithoutGlobalAddress()
    {
        var routes = ProcNetRouteParser.ParseIPv4DefaultRoutes(RouteFixtures.IPv4DefaultViaEth0);

        Assert.Null(DefaultRouteAddressChooser.Choose(routes, [Eth0 with { IsUp = false }], AddressFamily.InterNetwork));
        Assert.Null(DefaultRouteAddressChooser.Choose(routes, [new InterfaceAddresses("eth0", true, [IPAddress.Parse("169.254.1.1")])], AddressFamily.InterNetwork));
    }

    [Theory]
    [InlineData("10.0.0.1", true)]
    [InlineData("8.8.8.8", true)]
    [InlineData("fd00::1", true)]
    [InlineData("2001:db8::1", true)]
    [InlineData("0.0.0.0", false)]
    [InlineData("255.255.255.255", false)]
    [InlineData("127.0.0.1", false)]
    [InlineData("224.0.0.1", false)]
    [InlineData("169.254.3.4", false)]
    [InlineData("::", false)]
    [InlineData("::1", false)]
    [InlineData("fe80::1", false)]
    [InlineData("ff02::1", false)]
    public void Should_ClassifyLikeGo_When_CheckingGlobalUnicast(string address, bool expected)
    {
        Assert.Equal(expected, DefaultRouteAddressChooser.IsGlobalUnicast(IPAddress.Parse(address)));
    }
}
