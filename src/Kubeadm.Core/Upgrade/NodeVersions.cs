namespace Kubeadm.Core.Upgrade;

/// <summary>Which nodes run which version of one component: version → node names, versions in ordinal order.</summary>
public sealed class NodeVersions
{
    private readonly SortedDictionary<string, List<string>> _byVersion = new(StringComparer.Ordinal);

    public static NodeVersions Empty { get; } = new();

    public int Count => _byVersion.Count;

    public IEnumerable<string> Versions => _byVersion.Keys;

    public IReadOnlyList<string> NodesAt(string version) => _byVersion.TryGetValue(version, out var nodes) ? nodes : [];

    public static NodeVersions From(IEnumerable<(string Version, string Node)> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var result = new NodeVersions();
        foreach (var (version, node) in entries)
        {
            if (!result._byVersion.TryGetValue(version, out var nodes))
            {
                nodes = [];
                result._byVersion[version] = nodes;
            }

            nodes.Add(node);
        }

        return result;
    }

    public bool Contains(string version) => _byVersion.ContainsKey(version);

    /// <summary>The map shape <see cref="UpgradeVersionInputs.KubeletVersions"/> takes.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> ToDictionary() =>
        _byVersion.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value, StringComparer.Ordinal);
}
