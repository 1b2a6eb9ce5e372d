using System.Globalization;
using System.Text.Json.Nodes;

namespace Kubeadm.Core.Configuration.Serialization;

/// <summary>Turns a YAML node into a JSON tree (component configs, EnvVar.valueFrom), reporting duplicate keys.</summary>
internal static class YamlJsonConverter
{
    public static JsonObject? ToJsonObject(YamlTreeNode node, string path, YamlValueReader values) =>
        node is YamlTreeMapping
            ? ToJson(node, path, values) as JsonObject
            : values.Mismatch<JsonObject>(node, path, "a mapping");

    public static JsonNode? ToJson(YamlTreeNode node, string path, YamlValueReader values)
    {
        switch (node)
        {
            case YamlTreeMapping mapping:
                var obj = new JsonObject();
                foreach (var (keyNode, valueNode) in mapping.Entries)
                {
                    if (keyNode is not YamlTreeScalar key)
                    {
                        values.Diagnostics.Error(keyNode.Start, path, "a field name must be a string, got " + keyNode.Describe());
                        continue;
                    }

                    var childPath = path.Length == 0 ? key.Value : path + "." + key.Value;
                    if (obj.ContainsKey(key.Value))
                    {
                        values.Diagnostics.Error(key.Start, childPath, $"duplicate field \"{key.Value}\"");
                        continue;
                    }

                    obj[key.Value] = ToJson(valueNode, childPath, values);
                }

                return obj;
            case YamlTreeSequence sequence:
                var array = new JsonArray();
                for (var i = 0; i < sequence.Items.Count; i++)
                {
                    array.Add(ToJson(sequence.Items[i], $"{path}[{i}]", values));
                }

                return array;
            default:
                return ScalarToJson((YamlTreeScalar)node);
        }
    }

    private static JsonValue? ScalarToJson(YamlTreeScalar scalar)
    {
        var text = scalar.Value;
        switch (scalar.Kind)
        {
            case ScalarKind.Null:
                return null;
            case ScalarKind.Bool:
                return JsonValue.Create(text.Equals("true", StringComparison.OrdinalIgnoreCase));
            case ScalarKind.Int when long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer):
                return JsonValue.Create(integer);
            case ScalarKind.Int when text.StartsWith("0x", StringComparison.Ordinal):
                return JsonValue.Create(long.Parse(text[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture));
            case ScalarKind.Int when text.StartsWith("0o", StringComparison.Ordinal):
                return JsonValue.Create(Convert.ToInt64(text[2..], 8));
            case ScalarKind.Float when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number):
                return JsonValue.Create(number);
            default:
                return JsonValue.Create(text);
        }
    }
}
