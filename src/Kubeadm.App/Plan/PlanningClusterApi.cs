using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using Kubeadm.Core.ClusterApi;
using Kubeadm.Core.Plan;

namespace Kubeadm.App.Plan;

/// <summary>
/// The cluster of a plan run: reads go to the cluster as it is (the real API server, read-only, or an empty cluster
/// when none is reachable), writes go to an in-memory overlay that later reads see, and each write is compared with
/// the object as the cluster held it before the run (<see cref="ObjectChangeDecision"/>). Nothing is ever sent to the
/// API server but GET and LIST.
/// </summary>
public sealed class PlanningClusterApi : IClusterApi
{
    private readonly IClusterApi _source;
    private readonly PlanRecorder _recorder;
    private readonly InMemoryClusterApi _overlay = new();
    private readonly Lock _lock = new();
    private readonly HashSet<Key> _inOverlay = [];
    private readonly HashSet<Key> _deleted = [];
    private readonly Dictionary<Key, JsonNode?> _originals = [];
    private readonly List<Key> _order = [];
    private readonly Dictionary<Key, PlannedItem> _items = [];

    /// <param name="source">The cluster as it is; only its reads are used.</param>
    /// <param name="recorder">Tells which phase is running.</param>
    public PlanningClusterApi(IClusterApi source, PlanRecorder recorder)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(recorder);
        _source = source;
        _recorder = recorder;
    }

    /// <summary>Every object the run would write, once, in the order first written.</summary>
    public IReadOnlyList<PlannedItem> Items()
    {
        lock (_lock)
        {
            return [.. _order.Select(key => _items[key])];
        }
    }

    /// <summary>
    /// Makes later reads see <paramref name="item"/> without planning a write: an object the run waits for someone
    /// else to make (the Node the kubelet registers).
    /// </summary>
    public void Assume<T>(T item)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(item);
        _overlay.Seed(item);
        lock (_lock)
        {
            _inOverlay.Add(Key.Of(item));
        }
    }

    public async Task<T> CreateOrUpdateAsync<T>(T item, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(item);
        var key = Key.Of(item);
        await RecordAsync(key, item, cancellationToken).ConfigureAwait(false);
        var stored = await _overlay.CreateOrUpdateAsync(item, cancellationToken).ConfigureAwait(false);
        MarkInOverlay(key);
        return stored;
    }

    public async Task<T> CreateIfMissingAsync<T>(T item, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(item);
        var key = Key.Of(item);
        var current = await GetAsync<T>(key.Namespace, key.Name, cancellationToken).ConfigureAwait(false);
        if (current is not null)
        {
            lock (_lock)
            {
                if (!_items.ContainsKey(key))
                {
                    Add(key, new PlannedItem { Phase = _recorder.CurrentPhase, Kind = "object", Name = key.Display, Action = PlanAction.Unchanged });
                }
            }

            return current;
        }

        await RecordAsync(key, item, cancellationToken).ConfigureAwait(false);
        var stored = await _overlay.CreateIfMissingAsync(item, cancellationToken).ConfigureAwait(false);
        MarkInOverlay(key);
        return stored;
    }

    public Task<T?> GetAsync<T>(string namespaceName, string name, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        var key = new Key(typeof(T), namespaceName, name);
        lock (_lock)
        {
            if (_deleted.Contains(key))
            {
                return Task.FromResult<T?>(null);
            }

            if (_inOverlay.Contains(key))
            {
                return _overlay.GetAsync<T>(namespaceName, name, cancellationToken);
            }
        }

        return FromSourceAsync<T>(namespaceName, name, cancellationToken);
    }

    public async Task<IReadOnlyList<T>> ListAsync<T>(string namespaceName, string? fieldSelector, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        var fromSource = (await _source.ListAsync<T>(namespaceName, fieldSelector, cancellationToken).ConfigureAwait(false)).Select(WithoutManagedFields).ToList();
        var fromOverlay = await _overlay.ListAsync<T>(namespaceName, fieldSelector, cancellationToken).ConfigureAwait(false);
        lock (_lock)
        {
            return [.. fromSource.Where(item => !_deleted.Contains(Key.Of(item)) && !_inOverlay.Contains(Key.Of(item))), .. fromOverlay];
        }
    }

    public async Task<bool> DeleteAsync<T>(string namespaceName, string name, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        var key = new Key(typeof(T), namespaceName, name);
        var current = await GetAsync<T>(namespaceName, name, cancellationToken).ConfigureAwait(false);
        if (current is null)
        {
            return false;
        }

        await _overlay.DeleteAsync<T>(namespaceName, name, cancellationToken).ConfigureAwait(false);
        lock (_lock)
        {
            _inOverlay.Remove(key);
            _deleted.Add(key);
            Add(key, new PlannedItem { Phase = _recorder.CurrentPhase, Kind = "object", Name = key.Display, Action = PlanAction.Delete });
        }

        return true;
    }

    /// <summary>A read: answered by the real cluster.</summary>
    public Task<string> GetServerVersionAsync(CancellationToken cancellationToken) => _source.GetServerVersionAsync(cancellationToken);

    public async Task<V1Node> PatchNodeAsync(string name, string strategicMergePatch, CancellationToken cancellationToken)
    {
        var key = new Key(typeof(V1Node), "", name);
        var current = await GetAsync<V1Node>("", name, cancellationToken).ConfigureAwait(false)
            ?? throw new ClusterApiException($"nodes \"{name}\" not found", 404);
        bool seeded;
        lock (_lock)
        {
            seeded = _inOverlay.Contains(key);
        }

        if (!seeded)
        {
            _overlay.Seed(current);
            MarkInOverlay(key);
        }

        var patched = await _overlay.PatchNodeAsync(name, strategicMergePatch, cancellationToken).ConfigureAwait(false);
        await RecordAsync(key, patched, cancellationToken).ConfigureAwait(false);
        return patched;
    }

    /// <summary>An approval is a write to the CSR's status: planned as such, never sent.</summary>
    public async Task<V1CertificateSigningRequest> ApproveCertificateSigningRequestAsync(
        V1CertificateSigningRequest csr, string reason, string message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(csr);
        var approved = CsrApproval.Approve(ApiObjects.DeepCopy(csr), reason, message, DateTime.UtcNow);
        var key = Key.Of(approved);
        await RecordAsync(key, approved, cancellationToken).ConfigureAwait(false);
        _overlay.Seed(approved);
        MarkInOverlay(key);
        return approved;
    }

    /// <summary>Decides the write of <paramref name="item"/> against the object as it was before this run touched it.</summary>
    private async Task RecordAsync<T>(Key key, T item, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        JsonNode? original;
        bool known;
        lock (_lock)
        {
            known = _originals.TryGetValue(key, out original);
        }

        if (!known)
        {
            var before = await FromSourceAsync<T>(key.Namespace, key.Name, cancellationToken).ConfigureAwait(false);
            original = before is null ? null : ToJson(before);
            lock (_lock)
            {
                _originals.TryAdd(key, original);
            }
        }

        var decision = ObjectChangeDecision.Decide(ToJson(item), original, item is V1Secret);
        lock (_lock)
        {
            Add(key, new PlannedItem
            {
                Phase = _recorder.CurrentPhase,
                Kind = "object",
                Name = key.Display,
                Action = decision.Action,
                Diff = decision.Diff,
            });
        }
    }

    /// <summary>
    /// An object as the cluster holds it, without managedFields: the server's bookkeeping, which the plan never compares
    /// and the client's source-generated serializer cannot copy (fieldsV1 is free-form JSON).
    /// </summary>
    private async Task<T?> FromSourceAsync<T>(string namespaceName, string name, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        var item = await _source.GetAsync<T>(namespaceName, name, cancellationToken).ConfigureAwait(false);
        return item is null ? null : WithoutManagedFields(item);
    }

    private static T WithoutManagedFields<T>(T item)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        if (item.Metadata is { } metadata)
        {
            metadata.ManagedFields = null;
        }

        return item;
    }

    private void Add(Key key, PlannedItem item)
    {
        if (!_items.ContainsKey(key))
        {
            _order.Add(key);
        }

        _items[key] = item;
    }

    private void MarkInOverlay(Key key)
    {
        lock (_lock)
        {
            _inOverlay.Add(key);
            _deleted.Remove(key);
        }
    }

    private static JsonNode ToJson<T>(T item)
        where T : class, IKubernetesObject<V1ObjectMeta> =>
        JsonNode.Parse(KubeJson.Serialize(ApiObjects.WithTypeMeta(ApiObjects.DeepCopy(item))))!;

    private readonly record struct Key(Type Type, string Namespace, string Name)
    {
        public static Key Of<T>(T item)
            where T : class, IKubernetesObject<V1ObjectMeta> =>
            new(typeof(T), item.Metadata?.NamespaceProperty ?? "", item.Metadata?.Name ?? "");

        /// <summary>"configmaps kube-system/kubeadm-config", "nodes node-1".</summary>
        public string Display
        {
            get
            {
                var resource = ApiResource.Of(Type).Resource;
                return Namespace.Length == 0 ? $"{resource} {Name}" : $"{resource} {Namespace}/{Name}";
            }
        }
    }
}
