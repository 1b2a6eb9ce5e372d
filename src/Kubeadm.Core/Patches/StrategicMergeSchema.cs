namespace Kubeadm.Core.Patches;

/// <summary>
/// The strategic-merge facts of one object type: which list fields merge (and by which key) and the types of nested
/// fields. Fields it does not name behave as in a JSON merge patch: objects merge, lists are replaced.
/// </summary>
internal sealed class StrategicMergeSchema
{
    private readonly Dictionary<string, StrategicMergeField> _fields = new(StringComparer.Ordinal);

    public StrategicMergeField? Field(string name) => _fields.GetValueOrDefault(name);

    /// <summary>A nested object field of the given type.</summary>
    public StrategicMergeSchema Object(string name, StrategicMergeSchema type)
    {
        _fields[name] = new StrategicMergeField(type, MergesList: false, MergeKey: null);
        return this;
    }

    /// <summary>A list of objects merged item by item on <paramref name="mergeKey"/> (patchStrategy "merge").</summary>
    public StrategicMergeSchema MergedList(string name, string mergeKey, StrategicMergeSchema? itemType = null)
    {
        _fields[name] = new StrategicMergeField(itemType, MergesList: true, mergeKey);
        return this;
    }

    /// <summary>A list of scalars merged as a set (patchStrategy "merge" without a key, e.g. finalizers).</summary>
    public StrategicMergeSchema MergedSet(string name)
    {
        _fields[name] = new StrategicMergeField(null, MergesList: true, MergeKey: null);
        return this;
    }
}
