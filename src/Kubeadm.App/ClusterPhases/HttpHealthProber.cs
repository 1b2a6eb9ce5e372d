using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using Kubeadm.Core.Health;

namespace Kubeadm.App.ClusterPhases;

/// <summary>
/// GETs health endpoints the way kubeadm's waiter does: no proxy and, for the control-plane components' HTTPS
/// endpoints, no server certificate verification — their serving certificates are self-signed or not issued for
/// the probed address, and only the status code is read. This client is used for nothing else.
/// While nothing listens yet (the kubelet starting, a component restarting) a probe learns it from a plain TCP connect
/// that reports the refusal as a value: the HTTP client reports it by throwing, and a wait polls every 100 ms. Once an
/// endpoint has answered over HTTP, its probes skip that connect until a request to it fails again.
/// </summary>
public sealed class HttpHealthProber : IHealthProber, IDisposable
{
    private readonly HttpClient _client;
    private readonly TimeSpan _requestTimeout;
    private readonly ConcurrentDictionary<string, bool> _answering = new(StringComparer.Ordinal);

    public HttpHealthProber(TimeSpan? requestTimeout = null)
    {
        _requestTimeout = requestTimeout ?? TimeSpan.FromSeconds(10);
        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
#pragma warning disable CA5359 // Deliberate, as kubeadm's InsecureSkipVerify: only the status code of a local health endpoint is read.
            SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = AcceptAnyCertificate },
#pragma warning restore CA5359
        };
        _client = new HttpClient(handler) { Timeout = _requestTimeout };
    }

    public async Task<HealthProbeResult> ProbeAsync(Uri endpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var server = endpoint.GetLeftPart(UriPartial.Authority);
        if (!_answering.ContainsKey(server) && await UnreachableAsync(endpoint, cancellationToken).ConfigureAwait(false) is { } unreachable)
        {
            return HealthProbeResult.Failed($"Get \"{endpoint}\": {unreachable}");
        }

        try
        {
            using var response = await _client.GetAsync(endpoint, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            _answering[server] = true;
            return HealthProbeResult.Status((int)response.StatusCode);
        }
        catch (HttpRequestException e)
        {
            _answering.TryRemove(server, out _);
            return HealthProbeResult.Failed($"Get \"{endpoint}\": {e.Message}");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            var seconds = _requestTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture);
            return HealthProbeResult.Failed($"Get \"{endpoint}\": no response within {seconds}s");
        }
    }

    public void Dispose() => _client.Dispose();

    /// <summary>
    /// "dial tcp HOST:PORT: connect: connection refused" (Go's wording, which kubeadm prints) when the endpoint's
    /// address refuses or cannot be reached, "dial tcp HOST:PORT: i/o timeout" when the connect is not answered within
    /// the request timeout (the GET would only wait that long again); null when something accepted, or when the host is
    /// a name (the HTTP client then resolves it, connects and reports what happens).
    /// </summary>
    private async Task<string?> UnreachableAsync(Uri endpoint, CancellationToken cancellationToken)
    {
        if (!IPAddress.TryParse(endpoint.IdnHost, out var address))
        {
            return null;
        }

        using var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        using var connect = new SocketAsyncEventArgs { RemoteEndPoint = new IPEndPoint(address, endpoint.Port) };
        var done = new TaskCompletionSource<SocketError>(TaskCreationOptions.RunContinuationsAsynchronously);
        connect.Completed += (_, e) => done.TrySetResult(e.SocketError);
        if (!socket.ConnectAsync(connect))
        {
            done.TrySetResult(connect.SocketError);
        }

        var target = address.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{address}]:{endpoint.Port}" : $"{address}:{endpoint.Port}";
        SocketError result;
        try
        {
            result = await done.Task.WaitAsync(_requestTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            return $"dial tcp {target}: i/o timeout";
        }

        return result switch
        {
            SocketError.Success => null,
            SocketError.ConnectionRefused => $"dial tcp {target}: connect: connection refused",
            SocketError.NetworkUnreachable => $"dial tcp {target}: connect: network is unreachable",
            SocketError.HostUnreachable => $"dial tcp {target}: connect: no route to host",
            _ => null,
        };
    }

    private static bool AcceptAnyCertificate(object sender, System.Security.Cryptography.X509Certificates.X509Certificate? certificate,
        System.Security.Cryptography.X509Certificates.X509Chain? chain, SslPolicyErrors errors) => true;
}
