using System.Text.RegularExpressions;

namespace Kubeadm.Core.Configuration.Serialization;

/// <summary>Resolves plain scalars YAML-1.2-core style when reading, and tells which strings need quotes when writing.</summary>
internal static partial class YamlScalarResolver
{
    /// <summary>The type of a scalar; only plain (unquoted, untagged) scalars can be anything but a string.</summary>
    public static ScalarKind Resolve(string value, bool isPlain)
    {
        if (!isPlain)
        {
            return ScalarKind.String;
        }

        return value switch
        {
            "" or "~" or "null" or "Null" or "NULL" => ScalarKind.Null,
            "true" or "True" or "TRUE" or "false" or "False" or "FALSE" => ScalarKind.Bool,
            _ when CoreInt().IsMatch(value) => ScalarKind.Int,
            _ when CoreFloat().IsMatch(value) => ScalarKind.Float,
            _ => ScalarKind.String,
        };
    }

    /// <summary>
    /// Whether a string must be quoted so that Go's YAML (1.1 resolver: yes/no/on/off, base-60, …) and ours read it
    /// back as a string.
    /// </summary>
    public static bool NeedsQuotes(string value) =>
        Resolve(value, isPlain: true) != ScalarKind.String || Yaml11NonString().IsMatch(value);

    [GeneratedRegex(@"^([-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex CoreInt();

    [GeneratedRegex(@"^([-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))$", RegexOptions.CultureInvariant)]
    private static partial Regex CoreFloat();

    [GeneratedRegex(@"^(y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF|[-+]?0b[01_]+|[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?|[-+]?[0-9][0-9_]*(\.[0-9_]*)?([eE][-+]?[0-9]+)?|\d{4}-\d\d?-\d\d?([Tt ].*)?|[<=])$", RegexOptions.CultureInvariant)]
    private static partial Regex Yaml11NonString();
}
