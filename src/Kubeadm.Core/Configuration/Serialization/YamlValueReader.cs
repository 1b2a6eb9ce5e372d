using System.Globalization;

namespace Kubeadm.Core.Configuration.Serialization;

/// <summary>Reads typed values out of single nodes, reporting a type error (and returning null) on a mismatch.</summary>
internal sealed class YamlValueReader(DecodeDiagnostics diagnostics)
{
    public DecodeDiagnostics Diagnostics { get; } = diagnostics;

    public string? String(YamlTreeNode node, string path)
    {
        var scalar = Scalar(node, path, "a string");
        if (scalar is null || scalar.IsNull)
        {
            return null;
        }

        return scalar.Kind == ScalarKind.String ? scalar.Value : Mismatch<string>(node, path, "a string");
    }

    public int? Int32(YamlTreeNode node, string path)
    {
        var scalar = Scalar(node, path, "an integer");
        if (scalar is null || scalar.IsNull)
        {
            return null;
        }

        if (scalar.Kind == ScalarKind.Int
            && int.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        Diagnostics.Error(node.Start, path, "expected an integer, got " + node.Describe());
        return null;
    }

    public bool? Bool(YamlTreeNode node, string path)
    {
        var scalar = Scalar(node, path, "a boolean");
        if (scalar is null || scalar.IsNull)
        {
            return null;
        }

        if (scalar.Kind == ScalarKind.Bool)
        {
            return scalar.Value.Equals("true", StringComparison.OrdinalIgnoreCase);
        }

        Diagnostics.Error(node.Start, path, "expected a boolean, got " + node.Describe());
        return null;
    }

    public TimeSpan? Duration(YamlTreeNode node, string path)
    {
        var text = String(node, path);
        if (text is null)
        {
            return null;
        }

        if (GoDuration.TryParse(text, out var value, out var error))
        {
            return value;
        }

        Diagnostics.Error(node.Start, path, error);
        return null;
    }

    public DateTimeOffset? Time(YamlTreeNode node, string path)
    {
        var text = String(node, path);
        if (text is null)
        {
            return null;
        }

        if (DateTimeOffset.TryParseExact(text, "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
        {
            return value;
        }

        Diagnostics.Error(node.Start, path, $"invalid RFC 3339 time \"{text}\"");
        return null;
    }

    /// <summary>Reads a list; null when absent or null, an empty list for "[]".</summary>
    public List<T>? List<T>(YamlTreeNode node, string path, Func<YamlTreeNode, string, T?> readItem)
    {
        if (node is YamlTreeScalar { IsNull: true })
        {
            return null;
        }

        if (node is not YamlTreeSequence sequence)
        {
            return Mismatch<List<T>>(node, path, "a list");
        }

        var items = new List<T>();
        for (var i = 0; i < sequence.Items.Count; i++)
        {
            var item = readItem(sequence.Items[i], $"{path}[{i}]");
            if (item is not null)
            {
                items.Add(item);
            }
        }

        return items;
    }

    /// <summary>Reads a mapping through a strict reader that reports unknown fields once <paramref name="read"/> ends.</summary>
    public T? Object<T>(YamlTreeNode node, string path, Func<StrictMappingReader, T> read)
        where T : class
    {
        if (node is YamlTreeScalar { IsNull: true })
        {
            return null;
        }

        if (node is not YamlTreeMapping mapping)
        {
            return Mismatch<T>(node, path, "a mapping");
        }

        var reader = new StrictMappingReader(mapping, path, this);
        var result = read(reader);
        reader.ReportUnknownFields();
        return result;
    }

    public T? Mismatch<T>(YamlTreeNode node, string path, string expected)
    {
        Diagnostics.Error(node.Start, path, $"expected {expected}, got {node.Describe()}");
        return default;
    }

    private YamlTreeScalar? Scalar(YamlTreeNode node, string path, string expected) =>
        node as YamlTreeScalar ?? Mismatch<YamlTreeScalar>(node, path, expected);
}
