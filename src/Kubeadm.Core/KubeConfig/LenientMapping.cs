using Kubeadm.Core.Configuration.Serialization;
using YamlDotNet.Core;

namespace Kubeadm.Core.KubeConfig;

/// <summary>
/// Field access on one YAML mapping with Go's JSON decoding rules for kubeconfig: unknown keys are ignored,
/// duplicate keys and wrong types are reported (with line, column and field path), null means "not set".
/// </summary>
internal sealed class LenientMapping
{
    private readonly Dictionary<string, YamlTreeNode> _fields = new(StringComparer.Ordinal);
    private readonly string _path;
    private readonly YamlValueReader _values;

    public LenientMapping(YamlTreeMapping mapping, string path, YamlValueReader values)
    {
        _path = path;
        _values = values;
        foreach (var (keyNode, valueNode) in mapping.Entries)
        {
            if (keyNode is not YamlTreeScalar key)
            {
                values.Diagnostics.Error(keyNode.Start, path, "a field name must be a string, got " + keyNode.Describe());
            }
            else if (!_fields.TryAdd(key.Value, valueNode))
            {
                values.Diagnostics.Error(key.Start, Child(key.Value), $"duplicate field \"{key.Value}\"");
            }
        }
    }

    public string String(string key) =>
        _fields.TryGetValue(key, out var node) ? _values.String(node, Child(key)) ?? "" : "";

    public bool Bool(string key) =>
        _fields.TryGetValue(key, out var node) && (_values.Bool(node, Child(key)) ?? false);

    /// <summary>A []byte field: base64 text, kept as text once it is known to decode.</summary>
    public string Base64(string key)
    {
        var text = String(key);
        if (text.Length > 0 && !IsBase64(text))
        {
            _values.Diagnostics.Error(_fields[key].Start, Child(key), "illegal base64 data");
            return "";
        }

        return text;
    }

    /// <summary>A clientcmd list of {name, &lt;entry&gt;} items; names must be unique, as the loader turns them into a map.</summary>
    public List<T> NamedList<T>(string key, string entryKey, Func<LenientMapping, string, T> read)
        where T : class
    {
        if (!_fields.TryGetValue(key, out var node))
        {
            return [];
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        var path = Child(key);
        return _values.List(node, path, (item, itemPath) =>
        {
            if (Nested(item, itemPath) is not { } named)
            {
                return default;
            }

            var name = named.String("name");
            if (!names.Add(name))
            {
                _values.Diagnostics.Error(item.Start, itemPath, $"duplicate name \"{name}\" in {key}");
            }

            var entryPath = itemPath + "." + entryKey;
            var entry = named._fields.TryGetValue(entryKey, out var entryNode) ? Nested(entryNode, entryPath) : null;
            return read(entry ?? Empty(entryPath), name);
        }) ?? [];
    }

    private LenientMapping? Nested(YamlTreeNode node, string path) => node switch
    {
        YamlTreeMapping mapping => new LenientMapping(mapping, path, _values),
        YamlTreeScalar { IsNull: true } => null,
        _ => _values.Mismatch<LenientMapping>(node, path, "a mapping"),
    };

    private LenientMapping Empty(string path) => new(new YamlTreeMapping(Mark.Empty, []), path, _values);

    private string Child(string key) => _path.Length == 0 ? key : _path + "." + key;

    private static bool IsBase64(string text)
    {
        var buffer = new byte[text.Length];
        return Convert.TryFromBase64String(text, buffer, out _);
    }
}
