using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Kubeadm.Cli.Tests.ControlPlaneHost;

/// <summary>
/// The kubelet's plain-HTTP healthz endpoint, which the process kubelet does not have: answers every request on
/// 127.0.0.1:<see cref="Port"/> with "200 ok", so `init phase wait-control-plane` can be run end to end when the
/// KubeletConfiguration's healthzPort points here.
/// </summary>
internal sealed class KubeletHealthzStub : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _requests;

    /// <param name="port">The healthzPort to listen on (127.0.0.1).</param>
    /// <param name="network">A node's network namespace to listen in; null: the test process's own.</param>
    public KubeletHealthzStub(int port, MultiNode.NetworkNamespaceSockets? network = null)
    {
        var endpoint = new IPEndPoint(IPAddress.Loopback, port);
        _listener = network?.Listen(endpoint) ?? new TcpListener(endpoint);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _loop = Task.Run(AcceptLoopAsync);
    }

    public int Port { get; }

    /// <summary>How many requests were answered.</summary>
    public int Requests => Volatile.Read(ref _requests);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => AnswerAsync(client));
        }
    }

    private async Task AnswerAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var buffer = new byte[4096];
                var request = new StringBuilder();
                while (!request.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
                {
                    var read = await stream.ReadAsync(buffer, _stop.Token);
                    if (read == 0)
                    {
                        return;
                    }

                    request.Append(Encoding.ASCII.GetString(buffer, 0, read));
                }

                Interlocked.Increment(ref _requests);
                var response = "HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok"u8.ToArray();
                await stream.WriteAsync(response, _stop.Token);
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException)
            {
            }
        }
    }
}
