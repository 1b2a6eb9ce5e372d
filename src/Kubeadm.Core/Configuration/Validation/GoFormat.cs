using System.Globalization;
using System.Text;

namespace Kubeadm.Core.Configuration.Validation;

/// <summary>Renders values the way Go's fmt does in kubeadm's messages (%q strings, %#v slices and maps).</summary>
internal static class GoFormat
{
    /// <summary>Go's %q: double-quoted with backslash escapes for quotes, backslashes and control characters.</summary>
    public static string Quote(string value)
    {
        var builder = new StringBuilder(value.Length + 2);
        builder.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case < ' ' or '\x7f':
                    builder.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
                    break;
                default: builder.Append(c); break;
            }
        }

        return builder.Append('"').ToString();
    }

    /// <summary>Go's %#v of a []string: <c>[]string{"a", "b"}</c>.</summary>
    public static string StringSlice(IEnumerable<string> values) =>
        "[]string{" + string.Join(", ", values.Select(Quote)) + "}";

    /// <summary>Go's %#v of a map[string]bool (keys sorted, as fmt prints maps): <c>map[string]bool{"A":true}</c>.</summary>
    public static string BoolMap(IEnumerable<KeyValuePair<string, bool>> values) =>
        "map[string]bool{"
        + string.Join(", ", values.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => Quote(p.Key) + ":" + (p.Value ? "true" : "false")))
        + "}";
}
