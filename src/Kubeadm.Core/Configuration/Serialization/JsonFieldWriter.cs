using System.Globalization;
using System.Text.Json.Nodes;

namespace Kubeadm.Core.Configuration.Serialization;

/// <summary>Adds fields to a JSON object following Go's omitempty rules (empty strings, lists, false and null left out).</summary>
internal static class JsonFieldWriter
{
    public static void OptionalString(JsonObject target, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            target[name] = value;
        }
    }

    public static void OptionalBool(JsonObject target, string name, bool value)
    {
        if (value)
        {
            target[name] = true;
        }
    }

    public static void OptionalDuration(JsonObject target, string name, TimeSpan? value)
    {
        if (value is { } duration)
        {
            target[name] = GoDuration.Format(duration);
        }
    }

    public static void OptionalTime(JsonObject target, string name, DateTimeOffset? value)
    {
        if (value is { } time)
        {
            target[name] = FormatTime(time);
        }
    }

    public static void OptionalStrings(JsonObject target, string name, IReadOnlyCollection<string> values)
    {
        if (values.Count > 0)
        {
            target[name] = Strings(values);
        }
    }

    public static void OptionalList<T>(JsonObject target, string name, IReadOnlyCollection<T> values, Func<T, JsonNode> toJson)
    {
        if (values.Count > 0)
        {
            target[name] = new JsonArray([.. values.Select(toJson)]);
        }
    }

    public static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(value => (JsonNode)value)]);

    /// <summary>RFC 3339 in UTC, as Go's metav1.Time marshals.</summary>
    public static string FormatTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
