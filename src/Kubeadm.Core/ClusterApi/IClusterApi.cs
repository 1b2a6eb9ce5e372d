using k8s;
using k8s.Models;

namespace Kubeadm.Core.ClusterApi;

/// <summary>
/// The API calls kubeadm makes, and only those. Writes are idempotent: <see cref="CreateOrUpdateAsync{T}"/> creates
/// the object, or replaces it when it already exists. Reads return null for "not found".
/// Implementations: the real client (KubernetesClient), a dry-run printer, and an in-memory fake for tests.
/// </summary>
public interface IClusterApi
{
    /// <summary>Creates the object, or updates it in place if one with that name exists.</summary>
    Task<T> CreateOrUpdateAsync<T>(T item, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<V1ObjectMeta>;

    /// <summary>Creates the object unless one with that name exists; returns the stored object either way.</summary>
    Task<T> CreateIfMissingAsync<T>(T item, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<V1ObjectMeta>;

    /// <summary>The object, or null when it does not exist. <paramref name="namespaceName"/> is empty for cluster-scoped kinds.</summary>
    Task<T?> GetAsync<T>(string namespaceName, string name, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<V1ObjectMeta>;

    /// <summary>Every object of a kind in a namespace, optionally filtered by a field selector (e.g. "type=…").</summary>
    Task<IReadOnlyList<T>> ListAsync<T>(string namespaceName, string? fieldSelector, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<V1ObjectMeta>;

    /// <summary>Deletes the object; false when it did not exist.</summary>
    Task<bool> DeleteAsync<T>(string namespaceName, string name, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<V1ObjectMeta>;

    /// <summary>The API server's version as its /version endpoint reports it (gitVersion, "v1.34.2").</summary>
    Task<string> GetServerVersionAsync(CancellationToken cancellationToken);

    /// <summary>Applies a strategic-merge patch (JSON) to a Node.</summary>
    Task<V1Node> PatchNodeAsync(string name, string strategicMergePatch, CancellationToken cancellationToken);

    /// <summary>Approves a CertificateSigningRequest through its approval subresource (adds an Approved condition).</summary>
    Task<V1CertificateSigningRequest> ApproveCertificateSigningRequestAsync(
        V1CertificateSigningRequest csr, string reason, string message, CancellationToken cancellationToken);
}
