using System.Globalization;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Kubeadm.App.Host;
using Kubeadm.Core.Preflight;

namespace Kubeadm.App.Preflight;

/// <summary>
/// One GET to an external etcd: the given CA replaces the system roots (host name still verified), and the client
/// certificate is presented when both certificate and key are given. Proxies come from the environment, as in Go.
/// </summary>
internal static class EtcdHttpClient
{
    public static async Task<HttpGetResult> GetAsync(Uri url, EtcdClientTls tls, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var sslOptions = new SslClientAuthenticationOptions();
        var trustedRoots = new X509Certificate2Collection();
        if (tls.CaPem is not null)
        {
            trustedRoots.ImportFromPem(tls.CaPem);
            sslOptions.RemoteCertificateValidationCallback = PinnedCaValidation.For(trustedRoots);
        }

        using var clientCertificate = tls.CertificatePem is not null && tls.KeyPem is not null
            ? X509Certificate2.CreateFromPem(tls.CertificatePem, tls.KeyPem)
            : null;
        if (clientCertificate is not null)
        {
            sslOptions.ClientCertificates = [clientCertificate];
        }

        using var handler = new SocketsHttpHandler { SslOptions = sslOptions, AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { Timeout = timeout };
        try
        {
            using var response = await client.GetAsync(url, cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            var code = (int)response.StatusCode;
            return HttpGetResult.Answer(code, $"{code.ToString(CultureInfo.InvariantCulture)} {response.ReasonPhrase}", body);
        }
        catch (HttpRequestException e)
        {
            return HttpGetResult.Failed($"Get \"{url}\": {e.Message}");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return HttpGetResult.Failed(
                $"Get \"{url}\": no response within {timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)}s (Client.Timeout exceeded)");
        }
    }
}
