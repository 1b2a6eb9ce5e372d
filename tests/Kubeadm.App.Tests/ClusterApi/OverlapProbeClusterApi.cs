using k8s;
using k8s.Models;
using Kubeadm.App.ClusterApi;
using Kubeadm.Core.ClusterApi;

namespace Kubeadm.App.Tests.ClusterApi;

/// <summary>
/// Holds every write (create/update/patch) until <c>expected</c> writes are in flight together, then lets them all
/// through to the in-memory cluster in whatever order they resume. Writes issued one after another never get there:
/// each is let go after a bound and <see cref="MaxInFlight"/> stays at 1. The admin binding (made alone before any
/// phase's writes) is not held.
/// </summary>
internal sealed class OverlapProbeClusterApi(IClusterApi inner, int expected) : IClusterApi
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(2);
    private readonly TaskCompletionSource _allInFlight = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _lock = new();
    private int _inFlight;

    public int MaxInFlight { get; private set; }

    public Task<T> CreateOrUpdateAsync<T>(T item, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<V1ObjectMeta> =>
        HoldAsync(item.Metadata.Name, () => inner.CreateOrUpdateAsync(item, cancellationToken));

    public Task<T> CreateIfMissingAsync<T>(T item, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<V1ObjectMeta> =>
        HoldAsync(item.Metadata.Name, () => inner.CreateIfMissingAsync(item, cancellationToken));

    public Task<T?> GetAsync<T>(string namespaceName, string name, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<V1ObjectMeta> => inner.GetAsync<T>(namespaceName, name, cancellationToken);

    public Task<IReadOnlyList<T>> ListAsync<T>(string namespaceName, string? fieldSelector, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<V1ObjectMeta> => inner.ListAsync<T>(namespaceName, fieldSelector, cancellationToken);

    public Task<bool> DeleteAsync<T>(string namespaceName, string name, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<V1ObjectMeta> => inner.DeleteAsync<T>(namespaceName, name, cancellationToken);

    public Task<string> GetServerVersionAsync(CancellationToken cancellationToken) => inner.GetServerVersionAsync(cancellationToken);

    public Task<V1Node> PatchNodeAsync(string name, string strategicMergePatch, CancellationToken cancellationToken) =>
        HoldAsync(name, () => inner.PatchNodeAsync(name, strategicMergePatch, cancellationToken));

    public Task<V1CertificateSigningRequest> ApproveCertificateSigningRequestAsync(
        V1CertificateSigningRequest csr, string reason, string message, CancellationToken cancellationToken) =>
        HoldAsync(csr.Metadata.Name, () => inner.ApproveCertificateSigningRequestAsync(csr, reason, message, cancellationToken));

    private async Task<T> HoldAsync<T>(string name, Func<Task<T>> call)
    {
        if (name == AdminClusterAccess.ClusterAdminsGroup)
        {
            return await call();
        }

        lock (_lock)
        {
            _inFlight++;
            MaxInFlight = Math.Max(MaxInFlight, _inFlight);
            if (_inFlight >= expected)
            {
                _allInFlight.TrySetResult();
            }
        }

        try
        {
            await _allInFlight.Task.WaitAsync(Bound);
        }
        catch (TimeoutException)
        {
            // Not everything came at once: go on, MaxInFlight tells.
        }

        lock (_lock)
        {
            _inFlight--;
        }

        await Task.Yield();
        return await call();
    }
}
