using System.Text.Json.Nodes;

namespace Kubeadm.Core.Configuration.Serialization;

/// <summary>
/// Reads the fields of one YAML mapping by name, tracking the field path. Fields never asked for are reported as
/// unknown, repeated keys as duplicates, and values of the wrong shape as type errors; a missing or null field reads
/// as null (unset).
/// </summary>
internal sealed class StrictMappingReader
{
    private readonly Dictionary<string, KeyValuePair<YamlTreeNode, YamlTreeNode>> _fields = new(StringComparer.Ordinal);
    private readonly HashSet<string> _consumed = new(StringComparer.Ordinal);
    private readonly string _path;
    private readonly YamlValueReader _values;

    public StrictMappingReader(YamlTreeMapping mapping, string path, YamlValueReader values)
    {
        _path = path;
        _values = values;
        foreach (var entry in mapping.Entries)
        {
            if (entry.Key is not YamlTreeScalar key)
            {
                values.Diagnostics.Error(entry.Key.Start, path, "a field name must be a string, got " + entry.Key.Describe());
                continue;
            }

            if (!_fields.TryAdd(key.Value, entry))
            {
                values.Diagnostics.Error(key.Start, Child(key.Value), $"duplicate field \"{key.Value}\"");
            }
        }
    }

    public YamlValueReader Values => _values;

    public string? String(string name) => Read(name, _values.String);

    public int? Int32(string name) => Read(name, _values.Int32);

    public bool? Bool(string name) => Read(name, _values.Bool);

    public TimeSpan? Duration(string name) => Read(name, _values.Duration);

    public DateTimeOffset? Time(string name) => Read(name, _values.Time);

    public List<string>? StringList(string name) => List(name, _values.String);

    public List<T>? List<T>(string name, Func<YamlTreeNode, string, T?> readItem) =>
        Read(name, (node, path) => _values.List(node, path, readItem));

    public T? Object<T>(string name, Func<StrictMappingReader, T> read)
        where T : class => Read(name, (node, path) => _values.Object(node, path, read));

    /// <summary>Reads a nested mapping for its side effects (fields assigned inside <paramref name="read"/>).</summary>
    public void Section(string name, Action<StrictMappingReader> read) =>
        Object<object>(name, reader =>
        {
            read(reader);
            return reader;
        });

    /// <summary>Reads a map of free-form keys to values of one type, in document order.</summary>
    public List<KeyValuePair<string, T>>? Map<T>(string name, Func<YamlTreeNode, string, T?> readValue) =>
        Read(name, (node, path) =>
        {
            if (node is YamlTreeScalar { IsNull: true })
            {
                return null;
            }

            if (node is not YamlTreeMapping mapping)
            {
                return _values.Mismatch<List<KeyValuePair<string, T>>>(node, path, "a mapping");
            }

            var reader = new StrictMappingReader(mapping, path, _values);
            var entries = new List<KeyValuePair<string, T>>();
            foreach (var key in reader._fields.Keys)
            {
                var value = reader.Read(key, readValue);
                if (value is not null)
                {
                    entries.Add(new(key, value));
                }
            }

            return entries;
        });

    public JsonObject? JsonObject(string name) => Read(name, (node, path) =>
        node is YamlTreeScalar { IsNull: true } ? null : YamlJsonConverter.ToJsonObject(node, path, _values));

    /// <summary>The value node of a field, when present (for a check made after decoding to point at the field).</summary>
    public YamlTreeNode? ValueOf(string name) => _fields.TryGetValue(name, out var entry) ? entry.Value : null;

    /// <summary>Marks a field as known without reading it (apiVersion and kind are read separately).</summary>
    public void Skip(string name) => _consumed.Add(name);

    public void ReportUnknownFields()
    {
        foreach (var (name, entry) in _fields)
        {
            if (!_consumed.Contains(name))
            {
                _values.Diagnostics.Error(entry.Key.Start, Child(name), $"unknown field \"{name}\"");
            }
        }
    }

    private T? Read<T>(string name, Func<YamlTreeNode, string, T?> read)
    {
        _consumed.Add(name);
        return _fields.TryGetValue(name, out var entry) ? read(entry.Value, Child(name)) : default;
    }

    private string Child(string name) => _path.Length == 0 ? name : _path + "." + name;
}
