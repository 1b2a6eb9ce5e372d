using System.Globalization;
using System.Net.Security;
using Kubeadm.Core.Health;

namespace Kubeadm.App.ClusterPhases;

/// <summary>
/// GETs health endpoints the way kubeadm's waiter does: no proxy and, for the control-plane components' HTTPS
/// endpoints, no server certificate verification — their serving certificates are self-signed or not issued for
/// the probed address, and only the status code is read. This client is used for nothing else.
/// </summary>
public sealed class HttpHealthProber : IHealthProber, IDisposable
{
    private readonly HttpClient _client;
    private readonly TimeSpan _requestTimeout;

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
        try
        {
            using var response = await _client.GetAsync(endpoint, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            return HealthProbeResult.Status((int)response.StatusCode);
        }
        catch (HttpRequestException e)
        {
            return HealthProbeResult.Failed($"Get \"{endpoint}\": {e.Message}");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            var seconds = _requestTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture);
            return HealthProbeResult.Failed($"Get \"{endpoint}\": no response within {seconds}s");
        }
    }

    public void Dispose() => _client.Dispose();

    private static bool AcceptAnyCertificate(object sender, System.Security.Cryptography.X509Certificates.X509Certificate? certificate,
        System.Security.Cryptography.X509Certificates.X509Chain? chain, SslPolicyErrors errors) => true;
}
