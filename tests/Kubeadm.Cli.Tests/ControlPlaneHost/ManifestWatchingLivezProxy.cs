using System.Globalization;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Kubeadm.Cli.Tests.ControlPlaneHost;

/// <summary>
/// Test only: a tiny HTTPS front for kube-scheduler 1.20, which has /healthz but no /livez (added in 1.22/1.23), while
/// kubeadm 1.34's wait-control-plane checks the scheduler at https://&lt;bind-address&gt;:&lt;secure-port&gt;/livez. It
/// listens on the port the scheduler's manifest names and answers each GET by asking the real scheduler on
/// <see cref="BackendPort"/>, with /livez (and /livez/…) mapped to /healthz; every other path is passed through
/// unchanged. Its serving certificate is self-signed, as the scheduler's own is (kubeadm does not verify it).
/// </summary>
internal sealed class ManifestWatchingLivezProxy : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly X509Certificate2 _certificate;
    private readonly HttpClient _backend;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _livezRequests;

    /// <param name="port">The port the scheduler's manifest names (127.0.0.1).</param>
    /// <param name="backendPort">Where the real scheduler listens (127.0.0.1).</param>
    /// <param name="network">A node's network namespace to listen and connect in; null: the test process's own.</param>
    public ManifestWatchingLivezProxy(int port, int backendPort, MultiNode.NetworkNamespaceSockets? network = null)
    {
        BackendPort = backendPort;
        _certificate = SelfSigned();
        var handler = network?.HttpHandler() ?? new SocketsHttpHandler { UseProxy = false };
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate is not null; // the scheduler's self-signed cert, not verified (as kubeadm does not)
        _backend = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(5) };
        var endpoint = new IPEndPoint(IPAddress.Loopback, port);
        _listener = network?.Listen(endpoint) ?? new TcpListener(endpoint);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _loop = Task.Run(AcceptLoopAsync);
    }

    public int Port { get; }

    public int BackendPort { get; }

    /// <summary>How many /livez requests were answered (from the scheduler's /healthz).</summary>
    public int LivezRequests => Volatile.Read(ref _livezRequests);

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

        _backend.Dispose();
        _certificate.Dispose();
        _stop.Dispose();
    }

    private static X509Certificate2 SelfSigned()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=kube-scheduler-livez-proxy", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
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
                using var tls = new SslStream(client.GetStream());
                await tls.AuthenticateAsServerAsync(
                    new SslServerAuthenticationOptions { ServerCertificate = _certificate, ClientCertificateRequired = false },
                    _stop.Token);
                var head = await ReadHeadAsync(tls);
                if (head is null)
                {
                    return;
                }

                var requestLine = head.Split("\r\n")[0].Split(' ');
                var path = requestLine.Length > 1 ? requestLine[1] : "/";
                if (path == "/livez" || path.StartsWith("/livez?", StringComparison.Ordinal) || path.StartsWith("/livez/", StringComparison.Ordinal))
                {
                    path = "/healthz" + path["/livez".Length..];
                    Interlocked.Increment(ref _livezRequests);
                }

                var (status, body) = await ForwardAsync(path);
                var bytes = Encoding.UTF8.GetBytes(body);
                var response = string.Create(
                    CultureInfo.InvariantCulture,
                    $"HTTP/1.1 {(int)status} {status}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: {bytes.Length}\r\nConnection: close\r\n\r\n");
                await tls.WriteAsync(Encoding.ASCII.GetBytes(response), _stop.Token);
                await tls.WriteAsync(bytes, _stop.Token);
                await tls.FlushAsync(_stop.Token);
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or System.Security.Authentication.AuthenticationException)
            {
            }
        }
    }

    private async Task<(HttpStatusCode Status, string Body)> ForwardAsync(string path)
    {
        try
        {
            using var answer = await _backend.GetAsync(new Uri($"https://127.0.0.1:{BackendPort}{path}"), _stop.Token);
            return (answer.StatusCode, await answer.Content.ReadAsStringAsync(_stop.Token));
        }
        catch (HttpRequestException e)
        {
            return (HttpStatusCode.ServiceUnavailable, "kube-scheduler not reachable: " + e.Message);
        }
        catch (TaskCanceledException) when (!_stop.IsCancellationRequested)
        {
            return (HttpStatusCode.ServiceUnavailable, "kube-scheduler did not answer in time");
        }
    }

    private async Task<string?> ReadHeadAsync(Stream stream)
    {
        var buffer = new byte[4096];
        var head = new StringBuilder();
        while (!head.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var read = await stream.ReadAsync(buffer, _stop.Token);
            if (read == 0)
            {
                return null;
            }

            head.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        return head.ToString();
    }
}
