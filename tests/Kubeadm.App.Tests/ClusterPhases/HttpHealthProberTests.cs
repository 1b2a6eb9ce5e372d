using System.Net;
using System.Net.Sockets;
using System.Text;
using Kubeadm.App.ClusterPhases;

namespace Kubeadm.App.Tests.ClusterPhases;

/// <summary>The health prober against real sockets on loopback.</summary>
public sealed class HttpHealthProberTests
{
    [Fact]
    public async Task Should_ReportGosDialError_When_NothingListens()
    {
        var port = FreePort();
        var endpoint = new Uri($"http://127.0.0.1:{port}/healthz");
        using var prober = new HttpHealthProber(TimeSpan.FromSeconds(5));

        var result = await prober.ProbeAsync(endpoint, CancellationToken.None);

        Assert.False(result.IsHealthy);
        Assert.Equal($"Get \"{endpoint}\": dial tcp 127.0.0.1:{port}: connect: connection refused", result.Error);
    }

    [Fact]
    public async Task Should_ThrowNothing_When_NothingListensForEveryProbeOfAWait()
    {
        var port = FreePort();
        var endpoint = new Uri($"http://127.0.0.1:{port}/healthz");
        var thrown = 0;
        void Count(object? sender, System.Runtime.ExceptionServices.FirstChanceExceptionEventArgs e)
        {
            if (e.Exception.ToString().Contains($":{port}", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref thrown);
            }
        }

        using var prober = new HttpHealthProber(TimeSpan.FromSeconds(5));
        AppDomain.CurrentDomain.FirstChanceException += Count;
        try
        {
            for (var i = 0; i < 20; i++)
            {
                Assert.False((await prober.ProbeAsync(endpoint, CancellationToken.None)).IsHealthy);
            }
        }
        finally
        {
            AppDomain.CurrentDomain.FirstChanceException -= Count;
        }

        Assert.Equal(0, thrown);
    }

    [Theory]
    [InlineData(200, true)]
    [InlineData(500, false)]
    public async Task Should_ReadTheStatus_When_AServerAnswers(int status, bool healthy)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var server = AnswerAsync(listener, status);
        using var prober = new HttpHealthProber(TimeSpan.FromSeconds(10));

        var result = await prober.ProbeAsync(new Uri($"http://127.0.0.1:{port}/healthz"), CancellationToken.None);

        Assert.Equal(healthy, result.IsHealthy);
        await server;
    }

    [Fact]
    public async Task Should_ConnectOnlyForTheRequest_When_TheEndpointHasAnsweredBefore()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var connections = 0;
        var server = Task.Run(async () =>
        {
            for (var answered = 0; answered < 3;)
            {
                using var client = await listener.AcceptTcpClientAsync().WaitAsync(TimeSpan.FromSeconds(10));
                Interlocked.Increment(ref connections);
                var stream = client.GetStream();
                if (await stream.ReadAsync(new byte[4096]).AsTask().WaitAsync(TimeSpan.FromSeconds(10)) > 0)
                {
                    await stream.WriteAsync("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok"u8.ToArray());
                    answered++;
                }
            }
        });
        using var prober = new HttpHealthProber(TimeSpan.FromSeconds(10));

        for (var i = 0; i < 3; i++)
        {
            Assert.True((await prober.ProbeAsync(new Uri($"http://127.0.0.1:{port}/healthz"), CancellationToken.None)).IsHealthy);
        }

        await server;
        Assert.Equal(4, connections); // one reachability connect before the first answer, then only the three requests
    }

    [Fact]
    public async Task Should_ReportATimeoutOnce_When_TheConnectIsNeverAnswered()
    {
        // A listener whose accept queue is full: Linux drops further SYNs, so a connect hangs as to a dead host.
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(0);
        var port = ((IPEndPoint)listener.LocalEndPoint!).Port;
        var fillers = Enumerable.Range(0, 4).Select(_ => new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp)).ToList();
        try
        {
            _ = fillers.Select(f => f.ConnectAsync(IPAddress.Loopback, port)).ToList();
            await Task.Delay(200);
            var endpoint = new Uri($"http://127.0.0.1:{port}/healthz");
            using var prober = new HttpHealthProber(TimeSpan.FromMilliseconds(500));

            var result = await prober.ProbeAsync(endpoint, CancellationToken.None);

            Assert.Equal($"Get \"{endpoint}\": dial tcp 127.0.0.1:{port}: i/o timeout", result.Error);
        }
        finally
        {
            fillers.ForEach(f => f.Dispose());
        }
    }

    private static async Task AnswerAsync(TcpListener listener, int status)
    {
        // The prober's reachability connect comes first and sends nothing; the HTTP request comes on the next one.
        while (true)
        {
            using var client = await listener.AcceptTcpClientAsync().WaitAsync(TimeSpan.FromSeconds(10));
            var stream = client.GetStream();
            var buffer = new byte[4096];
            var read = await stream.ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(10));
            if (read == 0)
            {
                continue;
            }

            var body = Encoding.ASCII.GetBytes($"HTTP/1.1 {status} X\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok");
            await stream.WriteAsync(body);
            return;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
