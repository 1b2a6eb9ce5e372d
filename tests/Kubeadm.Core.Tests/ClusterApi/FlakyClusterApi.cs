using k8s;
using k8s.Models;
using Kubeadm.Core.ClusterApi;

namespace Kubeadm.Core.Tests.ClusterApi;

/// <summary>Fails the first <c>failures</c> calls with the given status, then behaves like the in-memory cluster.</summary>
public sealed class FlakyClusterApi(int failures, int statusCode) : IClusterApi
{
    private readonly InMemoryClusterApi _inner = new();
    private int _remaining = failures;

    public int Calls { get; private set; }

    public Task<T> CreateOrUpdateAsync<T>(T item, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<V1ObjectMeta> => Maybe(() => _inner.CreateOrUpdateAsync(item, cancellationToken));

    public Task<T> CreateIfMissingAsync<T>(T item, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<V1ObjectMeta> => Maybe(() => _inner.CreateIfMissingAsync(item, cancellationToken));

    public Task<T?> GetAsync<T>(string namespaceName, string name, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<V1ObjectMeta> => Maybe(() => _inner.GetAsync<T>(namespaceName, name, cancellationToken));

    public Task<IReadOnlyList<T>> ListAsync<T>(string namespaceName, string? fieldSelector, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<V1ObjectMeta> => Maybe(() => _inner.ListAsync<T>(namespaceName, fieldSelector, cancellationToken));

    public Task<bool> DeleteAsync<T>(string namespaceName, string name, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<V1ObjectMeta> => Maybe(() => _inner.DeleteAsync<T>(namespaceName, name, cancellationToken));

    public Task<string> GetServerVersionAsync(CancellationToken cancellationToken) =>
        Maybe(() => _inner.GetServerVersionAsync(cancellationToken));

    public Task<V1Node> PatchNodeAsync(string name, string strategicMergePatch, CancellationToken cancellationToken) =>
        Maybe(() => _inner.PatchNodeAsync(name, strategicMergePatch, cancellationToken));

    public Task<V1CertificateSigningRequest> ApproveCertificateSigningRequestAsync(
        V1CertificateSigningRequest csr, string reason, string message, CancellationToken cancellationToken) =>
        Maybe(() => _inner.ApproveCertificateSigningRequestAsync(csr, reason, message, cancellationToken));

    private Task<T> Maybe<T>(Func<Task<T>> call)
    {
        Calls++;
        if (_remaining > 0)
        {
            _remaining--;
            throw new ClusterApiException($"simulated failure {statusCode}", statusCode);
        }

        return call();
    }
}
