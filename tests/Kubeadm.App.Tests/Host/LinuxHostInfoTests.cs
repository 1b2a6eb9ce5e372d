using System.Net;
using System.Net.Sockets;
using Kubeadm.App.Host;
using Kubeadm.Core.Host;

namespace Kubeadm.App.Tests.Host;

public sealed class LinuxHostInfoTests
{
    private static readonly IReadOnlyList<InterfaceAddresses> Interfaces =
        [new InterfaceAddresses("eth0", true, [IPAddress.Parse("192.168.2.10")])];

    [Fact]
    public void Should_ReadRouteTableThroughFileSystem_When_ChoosingAddress()
    {
        var fileSystem = new InMemoryFileSystem();
        fileSystem.WriteAllText("/proc/net/route", RouteFixtures.IPv4DefaultViaEth0, FileModes.Public);
        var hostInfo = new LinuxHostInfo(fileSystem, () => Interfaces, () => "Node-1");

        Assert.Equal(IPAddress.Parse("192.168.2.10"), hostInfo.GetDefaultRouteAddress(AddressFamily.InterNetwork));
    }

    [Fact]
    public void Should_ReturnNull_When_RouteTablesMissing()
    {
        var hostInfo = new LinuxHostInfo(new InMemoryFileSystem(), () => Interfaces, () => "node");

        Assert.Null(hostInfo.GetDefaultRouteAddress(AddressFamily.InterNetwork));
    }

    [Fact]
    public void Should_TrimAndLowerCaseHostname_When_ReadingHostname()
    {
        var hostInfo = new LinuxHostInfo(new InMemoryFileSystem(), () => Interfaces, () => " Control-Plane-1\n");

        Assert.Equal("control-plane-1", hostInfo.GetHostname());
    }

    [Fact]
    public void Should_ReadRealHost_When_UsingDefaultConstructor()
    {
        var hostInfo = new LinuxHostInfo(new PhysicalFileSystem("/"));

        Assert.False(string.IsNullOrWhiteSpace(hostInfo.GetHostname()));
        var address = hostInfo.GetDefaultRouteAddress(AddressFamily.InterNetwork);
        Assert.True(address is null || DefaultRouteAddressChooser.IsGlobalUnicast(address));
    }

    [Fact]
    public void Should_ReturnPreferredFamily_When_FixedHostInfoHasBoth()
    {
        var hostInfo = new FixedHostInfo("Node", IPAddress.Parse("10.0.0.1"), IPAddress.Parse("fd00::1"));

        Assert.Equal("node", hostInfo.GetHostname());
        Assert.Equal(IPAddress.Parse("fd00::1"), hostInfo.GetDefaultRouteAddress(AddressFamily.InterNetworkV6));
        Assert.Equal(IPAddress.Parse("10.0.0.1"), hostInfo.GetDefaultRouteAddress(AddressFamily.InterNetwork));
        Assert.Null(new FixedHostInfo("node").GetDefaultRouteAddress(AddressFamily.InterNetwork));
    }
}
