using System.Globalization;
using k8s;
using k8s.Models;

namespace Kubeadm.Core.ClusterApi;

/// <summary>
/// A cluster that lives in memory, for tests: stores copies of objects by kind/namespace/name, gives them uids and
/// resource versions, records every request, and applies node patches as JSON merge patches.
/// </summary>
public sealed class InMemoryClusterApi : IClusterApi
{
    private readonly Dictionary<(Type Kind, string Namespace, string Name), object> _objects = [];
    private readonly List<ApiRequest> _requests = [];
    private readonly Lock _lock = new();
    private int _version;

    public IReadOnlyList<ApiRequest> Requests
    {
        get
        {
            lock (_lock)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>What /version reports (gitVersion); this kubeadm's version unless a test sets another.</summary>
    public string ServerVersion { get; set; } = Constants.KubeadmVersion.Current;

    /// <summary>Puts an object in place without recording a request (test setup).</summary>
    public void Seed<T>(T item)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        lock (_lock)
        {
            Store(item);
        }
    }

    public Task<T> CreateOrUpdateAsync<T>(T item, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        lock (_lock)
        {
            var key = Key(item);
            Record(_objects.ContainsKey(key) ? "update" : "create", item);
            return Task.FromResult(Store(item));
        }
    }

    public Task<T> CreateIfMissingAsync<T>(T item, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        lock (_lock)
        {
            Record("create", item);
            return Task.FromResult(_objects.TryGetValue(Key(item), out var existing)
                ? ApiObjects.DeepCopy((T)existing)
                : Store(item));
        }
    }

    public Task<T?> GetAsync<T>(string namespaceName, string name, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        lock (_lock)
        {
            _requests.Add(new ApiRequest("get", ApiResource.Of<T>().Resource, namespaceName, name));
            return Task.FromResult(_objects.TryGetValue((typeof(T), namespaceName, name), out var found)
                ? ApiObjects.DeepCopy((T)found)
                : null);
        }
    }

    public Task<IReadOnlyList<T>> ListAsync<T>(string namespaceName, string? fieldSelector, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        lock (_lock)
        {
            _requests.Add(new ApiRequest("list", ApiResource.Of<T>().Resource, namespaceName, ""));
            IReadOnlyList<T> items = [.. _objects
                .Where(entry => entry.Key.Kind == typeof(T) && entry.Key.Namespace == namespaceName)
                .Select(entry => ApiObjects.DeepCopy((T)entry.Value))
                .Where(item => FieldSelector.Matches(item, fieldSelector))
                .OrderBy(item => item.Metadata.Name, StringComparer.Ordinal)];
            return Task.FromResult(items);
        }
    }

    public Task<bool> DeleteAsync<T>(string namespaceName, string name, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        lock (_lock)
        {
            _requests.Add(new ApiRequest("delete", ApiResource.Of<T>().Resource, namespaceName, name));
            return Task.FromResult(_objects.Remove((typeof(T), namespaceName, name)));
        }
    }

    public Task<string> GetServerVersionAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _requests.Add(new ApiRequest("get", "version", "", ""));
            return Task.FromResult(ServerVersion);
        }
    }

    public Task<V1Node> PatchNodeAsync(string name, string strategicMergePatch, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _requests.Add(new ApiRequest("patch", "nodes", "", name));
            if (!_objects.TryGetValue((typeof(V1Node), "", name), out var found))
            {
                throw new ClusterApiException($"nodes \"{name}\" not found", 404);
            }

            var patched = NodePatcher.Apply((V1Node)found, strategicMergePatch);
            return Task.FromResult(Store(patched));
        }
    }

    public Task<V1CertificateSigningRequest> ApproveCertificateSigningRequestAsync(
        V1CertificateSigningRequest csr, string reason, string message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(csr);
        lock (_lock)
        {
            var name = csr.Metadata.Name;
            _requests.Add(new ApiRequest("approve", "certificatesigningrequests", "", name));
            if (!_objects.TryGetValue((typeof(V1CertificateSigningRequest), "", name), out var found))
            {
                throw new ClusterApiException($"certificatesigningrequests \"{name}\" not found", 404);
            }

            var approved = CsrApproval.Approve(ApiObjects.DeepCopy((V1CertificateSigningRequest)found), reason, message, DateTime.UtcNow);
            return Task.FromResult(Store(approved));
        }
    }

    private T Store<T>(T item)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        var copy = ApiObjects.WithTypeMeta(ApiObjects.DeepCopy(item));
        copy.Metadata ??= new V1ObjectMeta();
        var key = Key(copy);
        copy.Metadata.Uid = _objects.TryGetValue(key, out var existing)
            ? ((T)existing).Metadata.Uid
            : Guid.NewGuid().ToString();
        copy.Metadata.ResourceVersion = (++_version).ToString(CultureInfo.InvariantCulture);
        _objects[key] = copy;
        return ApiObjects.DeepCopy(copy);
    }

    private void Record<T>(string verb, T item)
        where T : class, IKubernetesObject<V1ObjectMeta> =>
        _requests.Add(new ApiRequest(verb, ApiResource.Of<T>().Resource, item.Metadata?.NamespaceProperty ?? "", item.Metadata?.Name ?? ""));

    private static (Type, string, string) Key<T>(T item)
        where T : class, IKubernetesObject<V1ObjectMeta> =>
        (typeof(T), item.Metadata?.NamespaceProperty ?? "", item.Metadata?.Name ?? "");
}
