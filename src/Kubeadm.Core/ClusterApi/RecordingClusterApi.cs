using k8s;
using k8s.Models;

namespace Kubeadm.Core.ClusterApi;

/// <summary>Passes every call through and remembers the objects created, updated, patched or deleted (for `init -o json`).</summary>
public sealed class RecordingClusterApi : IClusterApi
{
    private readonly IClusterApi _inner;
    private readonly List<ApiRequest> _changes = [];
    private readonly Lock _lock = new();

    public RecordingClusterApi(IClusterApi inner) => _inner = inner;

    public IReadOnlyList<ApiRequest> Changes
    {
        get
        {
            lock (_lock)
            {
                return [.. _changes];
            }
        }
    }

    public async Task<T> CreateOrUpdateAsync<T>(T item, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        var result = await _inner.CreateOrUpdateAsync(item, cancellationToken).ConfigureAwait(false);
        Record<T>("apply", result.Metadata?.NamespaceProperty ?? "", result.Metadata?.Name ?? "");
        return result;
    }

    public async Task<T> CreateIfMissingAsync<T>(T item, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        var result = await _inner.CreateIfMissingAsync(item, cancellationToken).ConfigureAwait(false);
        Record<T>("ensure", result.Metadata?.NamespaceProperty ?? "", result.Metadata?.Name ?? "");
        return result;
    }

    public Task<T?> GetAsync<T>(string namespaceName, string name, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<V1ObjectMeta> => _inner.GetAsync<T>(namespaceName, name, cancellationToken);

    public Task<IReadOnlyList<T>> ListAsync<T>(string namespaceName, string? fieldSelector, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<V1ObjectMeta> => _inner.ListAsync<T>(namespaceName, fieldSelector, cancellationToken);

    public async Task<bool> DeleteAsync<T>(string namespaceName, string name, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        var deleted = await _inner.DeleteAsync<T>(namespaceName, name, cancellationToken).ConfigureAwait(false);
        if (deleted)
        {
            Record<T>("delete", namespaceName, name);
        }

        return deleted;
    }

    public Task<string> GetServerVersionAsync(CancellationToken cancellationToken) => _inner.GetServerVersionAsync(cancellationToken);

    public async Task<V1Node> PatchNodeAsync(string name, string strategicMergePatch, CancellationToken cancellationToken)
    {
        var node = await _inner.PatchNodeAsync(name, strategicMergePatch, cancellationToken).ConfigureAwait(false);
        Record<V1Node>("patch", "", name);
        return node;
    }

    public async Task<V1CertificateSigningRequest> ApproveCertificateSigningRequestAsync(
        V1CertificateSigningRequest csr, string reason, string message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(csr);
        var approved = await _inner.ApproveCertificateSigningRequestAsync(csr, reason, message, cancellationToken).ConfigureAwait(false);
        Record<V1CertificateSigningRequest>("approve", "", csr.Metadata.Name);
        return approved;
    }

    private void Record<T>(string verb, string namespaceName, string name)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        lock (_lock)
        {
            _changes.Add(new ApiRequest(verb, ApiResource.Of<T>().Resource, namespaceName, name));
        }
    }
}
