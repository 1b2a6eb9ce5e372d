using Kubeadm.Core.Configuration.Serialization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Kubeadm.App.Reset;

/// <summary>Reads typed fields of one YAML mapping, collecting type errors and fields nobody asked for.</summary>
internal sealed class YamlFieldReader
{
    private readonly YamlMappingNode _mapping;
    private readonly string _sourceName;
    private readonly List<string> _errors;
    private readonly HashSet<string> _consumed = new(StringComparer.Ordinal);

    private readonly string _path;

    public YamlFieldReader(YamlMappingNode mapping, string sourceName, List<string> errors, string path = "")
    {
        _mapping = mapping;
        _sourceName = sourceName;
        _errors = errors;
        _path = path;
    }

    public void Skip(string name) => _consumed.Add(name);

    public string? String(string name) =>
        Field(name) switch
        {
            null => null,
            YamlScalarNode { Style: ScalarStyle.Plain, Value: "null" or "~" or "" } => null,
            YamlScalarNode scalar => scalar.Value,
            var other => Mismatch<string>(name, other, "a string"),
        };

    public bool? Bool(string name) =>
        Field(name) switch
        {
            null => null,
            YamlScalarNode { Style: ScalarStyle.Plain, Value: "true" } => true,
            YamlScalarNode { Style: ScalarStyle.Plain, Value: "false" } => false,
            YamlScalarNode { Style: ScalarStyle.Plain, Value: "null" or "~" or "" } => null,
            var other => Mismatch<bool?>(name, other, "a boolean (true or false)"),
        };

    public IReadOnlyList<string> StringList(string name)
    {
        switch (Field(name))
        {
            case null:
            case YamlScalarNode { Style: ScalarStyle.Plain, Value: "null" or "~" or "" }:
                return [];
            case YamlSequenceNode sequence when sequence.Children.All(item => item is YamlScalarNode):
                return [.. sequence.Children.Cast<YamlScalarNode>().Select(item => item.Value ?? "")];
            case var other:
                return Mismatch<IReadOnlyList<string>>(name, other, "a list of strings") ?? [];
        }
    }

    /// <summary>A nested mapping (null when absent), read by its own reader whose errors name "<paramref name="name"/>.field".</summary>
    public YamlFieldReader? Mapping(string name) =>
        Field(name) switch
        {
            null => null,
            YamlScalarNode { Style: ScalarStyle.Plain, Value: "null" or "~" or "" } => null,
            YamlMappingNode mapping => new YamlFieldReader(mapping, _sourceName, _errors, $"{_path}{name}."),
            var other => Mismatch<YamlFieldReader>(name, other, "a mapping"),
        };

    /// <summary>A Go duration such as "2m" or "90s".</summary>
    public TimeSpan? Duration(string name)
    {
        switch (Field(name))
        {
            case null:
            case YamlScalarNode { Style: ScalarStyle.Plain, Value: "null" or "~" or "" }:
                return null;
            case YamlScalarNode scalar:
                return GoDuration.TryParse(scalar.Value ?? "", out var value, out var reason)
                    ? value
                    : Mismatch<TimeSpan?>(name, scalar, $"a duration such as \"2m\" or \"90s\" ({reason})");
            case var other:
                return Mismatch<TimeSpan?>(name, other, "a duration such as \"2m\" or \"90s\"");
        }
    }

    public void ReportUnknown()
    {
        foreach (var key in _mapping.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value ?? key.ToString();
            if (!_consumed.Contains(name))
            {
                _errors.Add($"{_sourceName}: line {key.Start.Line}, column {key.Start.Column}: ResetConfiguration: unknown field \"{_path}{name}\"");
            }
        }
    }

    private YamlNode? Field(string name)
    {
        _consumed.Add(name);
        return _mapping.Children.TryGetValue(new YamlScalarNode(name), out var value) ? value : null;
    }

    private T? Mismatch<T>(string name, YamlNode node, string expected)
    {
        _errors.Add($"{_sourceName}: line {node.Start.Line}, column {node.Start.Column}: ResetConfiguration.{_path}{name}: expected {expected}");
        return default;
    }
}
