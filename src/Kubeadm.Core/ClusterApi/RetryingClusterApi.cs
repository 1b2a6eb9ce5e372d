using k8s;
using k8s.Models;
using Kubeadm.Core.Configuration.Serialization;

namespace Kubeadm.Core.ClusterApi;

/// <summary>
/// Retries transient failures (server unreachable, 5xx, 429 Too Many Requests, 409 conflicts on update) every
/// <see cref="Interval"/> until <see cref="Timeout"/> (kubeadm's timeouts.kubernetesAPICall), then fails with a message
/// that says what it was doing and the last error. Other errors fail at once.
/// </summary>
public sealed class RetryingClusterApi : IClusterApi
{
    private readonly IClusterApi _inner;
    private readonly TimeProvider _clock;

    public RetryingClusterApi(IClusterApi inner, TimeSpan timeout, TimeProvider clock, TimeSpan? interval = null)
    {
        _inner = inner;
        _clock = clock;
        Timeout = timeout;
        Interval = interval ?? TimeSpan.FromMilliseconds(500);
    }

    public TimeSpan Timeout { get; }

    public TimeSpan Interval { get; }

    public Task<T> CreateOrUpdateAsync<T>(T item, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<V1ObjectMeta> =>
        RetryAsync(ct => _inner.CreateOrUpdateAsync(item, ct), $"create or update {Describe(item)}", cancellationToken);

    public Task<T> CreateIfMissingAsync<T>(T item, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<V1ObjectMeta> =>
        RetryAsync(ct => _inner.CreateIfMissingAsync(item, ct), $"create {Describe(item)}", cancellationToken);

    public Task<T?> GetAsync<T>(string namespaceName, string name, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<V1ObjectMeta> =>
        RetryAsync(ct => _inner.GetAsync<T>(namespaceName, name, ct), $"get {ApiResource.Of<T>().Resource} \"{name}\"", cancellationToken);

    public Task<IReadOnlyList<T>> ListAsync<T>(string namespaceName, string? fieldSelector, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<V1ObjectMeta> =>
        RetryAsync(ct => _inner.ListAsync<T>(namespaceName, fieldSelector, ct), $"list {ApiResource.Of<T>().Resource}", cancellationToken);

    public Task<bool> DeleteAsync<T>(string namespaceName, string name, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<V1ObjectMeta> =>
        RetryAsync(ct => _inner.DeleteAsync<T>(namespaceName, name, ct), $"delete {ApiResource.Of<T>().Resource} \"{name}\"", cancellationToken);

    public Task<string> GetServerVersionAsync(CancellationToken cancellationToken) =>
        RetryAsync(ct => _inner.GetServerVersionAsync(ct), "get the API server version", cancellationToken);

    public Task<V1Node> PatchNodeAsync(string name, string strategicMergePatch, CancellationToken cancellationToken) =>
        RetryAsync(ct => _inner.PatchNodeAsync(name, strategicMergePatch, ct), $"patch node \"{name}\"", cancellationToken);

    public Task<V1CertificateSigningRequest> ApproveCertificateSigningRequestAsync(
        V1CertificateSigningRequest csr, string reason, string message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(csr);
        return RetryAsync(ct => _inner.ApproveCertificateSigningRequestAsync(csr, reason, message, ct), $"approve certificatesigningrequest \"{csr.Metadata.Name}\"", cancellationToken);
    }

    /// <summary>Whether an error is worth another try: the server was unreachable, overloaded, or the object changed under us.</summary>
    public static bool IsTransient(ClusterApiException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.StatusCode is 0 or 409 or 429 or >= 500;
    }

    private async Task<TResult> RetryAsync<TResult>(Func<CancellationToken, Task<TResult>> call, string what, CancellationToken cancellationToken)
    {
        var deadline = _clock.GetUtcNow() + Timeout;
        while (true)
        {
            try
            {
                return await call(cancellationToken).ConfigureAwait(false);
            }
            catch (ClusterApiException e) when (IsTransient(e))
            {
                if (_clock.GetUtcNow() + Interval > deadline)
                {
                    throw new ClusterApiException(
                        $"timed out after {GoDuration.Format(Timeout)} trying to {what}; last error: {e.Message}", e.StatusCode, e);
                }

                await Task.Delay(Interval, _clock, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static string Describe<T>(T item)
        where T : class, IKubernetesObject<V1ObjectMeta> =>
        $"{ApiResource.Of<T>().Resource} \"{ApiObjects.Describe(item)}\"";
}
