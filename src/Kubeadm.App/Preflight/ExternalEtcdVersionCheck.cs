using System.Text.Json;
using Kubeadm.Core.Configuration;
using Kubeadm.Core.Preflight;

namespace Kubeadm.App.Preflight;

/// <summary>
/// ExternalEtcdVersion: GET &lt;endpoint&gt;/version on every endpoint with the configured client TLS files (10 s
/// per request; on a transport error or 5xx, 3 more tries 5 s apart) and compare "etcdserver" with kubeadm's minimum.
/// </summary>
public static class ExternalEtcdVersionCheck
{
    public const string Name = "ExternalEtcdVersion";

    private const int Retries = 3;
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(10);

    public static PreflightCheck Create(PreflightInputs inputs, ExternalEtcd etcd)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(etcd);
        return new PreflightCheck(Name, ct => RunAsync(inputs, etcd, ct));
    }

    private static async Task<CheckOutcome> RunAsync(PreflightInputs inputs, ExternalEtcd etcd, CancellationToken cancellationToken)
    {
        if (etcd.Endpoints.Count == 0)
        {
            return CheckOutcome.Passed;
        }

        string? caPem = null;
        if (etcd.CaFile.Length > 0 && (caPem = inputs.ReadText(etcd.CaFile)) is null)
        {
            return CheckOutcome.Error($"couldn't load external etcd's server certificate {etcd.CaFile}: open {etcd.CaFile}: no such file or directory");
        }

        string? certificatePem = null;
        string? keyPem = null;
        if (etcd.CertFile.Length > 0 && etcd.KeyFile.Length > 0)
        {
            certificatePem = inputs.ReadText(etcd.CertFile);
            keyPem = inputs.ReadText(etcd.KeyFile);
            if (certificatePem is null || keyPem is null)
            {
                return CheckOutcome.Error(
                    $"couldn't load external etcd's certificate and key pair {etcd.CertFile}, {etcd.KeyFile}: "
                    + $"open {(certificatePem is null ? etcd.CertFile : etcd.KeyFile)}: no such file or directory");
            }
        }

        var tls = new EtcdClientTls(caPem, certificatePem, keyPem);
        var outcome = CheckOutcome.Passed;
        foreach (var endpoint in etcd.Endpoints)
        {
            outcome = outcome.Plus(await CheckEndpointAsync(inputs, endpoint, tls, cancellationToken).ConfigureAwait(false));
        }

        return outcome;
    }

    private static async Task<CheckOutcome> CheckEndpointAsync(PreflightInputs inputs, string endpoint, EtcdClientTls tls, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var endpointUri))
        {
            return CheckOutcome.Error($"failed to parse external etcd endpoint {endpoint}: invalid URL");
        }

        // kubeadm joins "<endpoint>/version" and then collapses "//" in the path.
        var path = (endpointUri.AbsolutePath.TrimEnd('/') + "/version").Replace("//", "/", StringComparison.Ordinal);
        var versionUrl = new UriBuilder(endpointUri) { Path = path }.Uri;
        HttpGetResult answer = HttpGetResult.Failed("");
        for (var attempt = 0; attempt <= Retries; attempt++)
        {
            if (attempt > 0)
            {
                await Task.Delay(inputs.EtcdRetryInterval, inputs.Clock, cancellationToken).ConfigureAwait(false);
            }

            answer = await inputs.Host.HttpGetAsync(versionUrl, tls, RequestTimeout, cancellationToken).ConfigureAwait(false);
            if (answer.TransportError is null && answer.StatusCode is < 500 or > 599)
            {
                break;
            }
        }

        if (answer.TransportError is { } error)
        {
            return CheckOutcome.Error(error);
        }

        if (answer.StatusCode is >= 500 and <= 599)
        {
            return CheckOutcome.Error($"server responded with non-successful status: {answer.Status}");
        }

        return ServerVersion(answer.Body) is { } version
            ? VersionRules.CheckExternalEtcdVersion(version)
            : CheckOutcome.Error($"cannot decode the answer of {versionUrl} as etcd's version JSON: {answer.Body.Trim()}");
    }

    private static string? ServerVersion(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("etcdserver", out var server)
                && server.ValueKind == JsonValueKind.String
                    ? server.GetString()
                    : document.RootElement.ValueKind == JsonValueKind.Object ? "" : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
