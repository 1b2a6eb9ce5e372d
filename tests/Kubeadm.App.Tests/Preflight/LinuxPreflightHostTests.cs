using System.Net;
using System.Net.Sockets;
using Kubeadm.App.Preflight;
using Kubeadm.Core.Host;

namespace Kubeadm.App.Tests.Preflight;

public sealed class LinuxPreflightHostTests
{
    [Fact]
    public void Should_ReportThePortInUse_When_ALoopbackListenerHoldsIt()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            var host = new LinuxPreflightHost(new InMemoryFileSystem());

            Assert.NotNull(host.TryListen(port));
            Assert.Equal("Port-" + port, InitPreflightChecks.Port(host, port).Name);
        }
        finally
        {
            listener.Stop();
            listener.Dispose();
        }
    }

    [Fact]
    public void Should_ReportThePortFree_When_NothingListens()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        listener.Dispose();

        Assert.Null(new LinuxPreflightHost(new InMemoryFileSystem()).TryListen(port));
    }

    [Fact]
    public async Task Should_ReportTheCriSocketMissing_When_NoSocketExists()
    {
        var host = new LinuxPreflightHost(new InMemoryFileSystem());

        var problem = await host.ConnectUnixSocketAsync($"/tmp/no-such-{Guid.NewGuid():N}.sock", default);

        Assert.StartsWith("dial unix /tmp/no-such-", problem);
    }

    [Fact]
    public async Task Should_ConnectToTheCriSocket_When_SomethingListensOnIt()
    {
        var path = Path.Combine(Path.GetTempPath(), $"cri-{Guid.NewGuid():N}.sock");
        using var server = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        server.Bind(new UnixDomainSocketEndPoint(path));
        server.Listen();
        try
        {
            Assert.Null(await new LinuxPreflightHost(new InMemoryFileSystem()).ConnectUnixSocketAsync(path, default));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("0-3", 4)]
    [InlineData("0,2,4-5", 4)]
    [InlineData("7", 1)]
    public void Should_CountCpus_When_TheListIsWellFormed(string list, int count) => Assert.Equal(count, CpuListParser.Count(list));

    [Theory]
    [InlineData("")]
    [InlineData("3-1")]
    [InlineData("a-b")]
    public void Should_GiveNoCount_When_TheListIsMalformed(string list) => Assert.Null(CpuListParser.Count(list));
}
