using System.Net;
using System.Net.Sockets;
using Kubeadm.Core.Host;

namespace Kubeadm.App.Tests.Host;

public sealed class ProcNetRouteParserTests
{
    [Fact]
    public void Should_ReturnDefaultRouteWithGateway_When_IPv4TableHasDefault()
    {
        var routes = ProcNetRouteParser.ParseIPv4DefaultRoutes(RouteFixtures.IPv4DefaultViaEth0);

        var route = Assert.Single(routes);
        Assert.Equal(new DefaultRoute("eth0", IPAddress.Parse("192.168.2.1"), AddressFamily.InterNetwork), route);
    }

    [Fact]
    public void Should_ReturnNoRoutes_When_IPv4TableHasNoDefault()
    {
        Assert.Empty(ProcNetRouteParser.ParseIPv4DefaultRoutes(RouteFixtures.IPv4WithoutDefault));
        Assert.Empty(ProcNetRouteParser.ParseIPv4DefaultRoutes(string.Empty));
    }

    [Fact]
    public void Should_SkipMalformedLines_When_TableHasGarbage()
    {
        var routes = ProcNetRouteParser.ParseIPv4DefaultRoutes("garbage\neth9\tZZZZZZZZ\t00000000\n" + RouteFixtures.IPv4DefaultViaEth0);

        Assert.Equal("eth0", Assert.Single(routes).Interface);
    }

    [Fact]
    public void Should_ReturnDefaultRoute_When_IPv6TableHasDefaultWithGateway()
    {
        var route = Assert.Single(ProcNetRouteParser.ParseIPv6DefaultRoutes(RouteFixtures.IPv6DefaultViaEth0));

        Assert.Equal(new DefaultRoute("eth0", IPAddress.Parse("fe80::1"), AddressFamily.InterNetworkV6), route);
    }
}
