using System.Text.Json.Nodes;

namespace Kubeadm.Core.Plan;

/// <summary>
/// Decides what a create-or-update of an API object would change, from the object as the cluster holds it and the
/// object the run would send. The run replaces the object (PUT), and the API server fills in defaults and keeps
/// status, so a field the run sends must be equal in the stored object, a field the run leaves out may hold anything
/// (a default) — except in the maps the run owns whole (data, binaryData, labels): a key only the stored object has
/// would be removed. Server-managed metadata (resourceVersion, uid, managedFields, …) and status are not compared.
/// </summary>
public static class ObjectChangeDecision
{
    private static readonly HashSet<string> ServerManagedMetadata = new(StringComparer.Ordinal)
    {
        "resourceVersion", "uid", "creationTimestamp", "managedFields", "generation", "selfLink",
    };

    private static readonly HashSet<string> WholeMaps = new(StringComparer.Ordinal)
    {
        "data", "binaryData", "metadata.labels",
    };

    /// <summary>
    /// Keys a controller keeps in a map the run owns: the bootstrap signer's cluster-info signatures. A replace drops
    /// them and the signer writes the same ones back at once, so they are no change of the run's.
    /// </summary>
    private static readonly string[] ControllerMaintainedKeyPrefixes = ["jws-kubeconfig-"];

    /// <param name="desired">The object the run would send, as JSON.</param>
    /// <param name="existing">The stored object, or null when it does not exist.</param>
    /// <param name="redactData">True for Secrets: values under data are named, never shown.</param>
    public static PlanDecision Decide(JsonNode desired, JsonNode? existing, bool redactData)
    {
        ArgumentNullException.ThrowIfNull(desired);
        if (existing is null)
        {
            return PlanDecision.Create;
        }

        var diff = new List<string>();
        Compare("", desired, existing, redactData, diff);
        if (diff.Count == 0)
        {
            return PlanDecision.Unchanged;
        }

        return PlanDecision.Update(diff.Count <= LineDiff.MaxLines ? diff : [.. diff.Take(LineDiff.MaxLines), $"… {diff.Count - LineDiff.MaxLines} more changes"]);
    }

    private static void Compare(string path, JsonNode? desired, JsonNode? existing, bool redactData, List<string> diff)
    {
        switch (desired)
        {
            case null:
                return;
            case JsonObject desiredObject when existing is JsonObject existingObject:
                CompareObjects(path, desiredObject, existingObject, redactData, diff);
                return;
            case JsonArray desiredArray when existing is JsonArray existingArray:
                if (desiredArray.Count != existingArray.Count)
                {
                    diff.Add($"~ {path}: {existingArray.Count} items -> {desiredArray.Count} items");
                    return;
                }

                for (var i = 0; i < desiredArray.Count; i++)
                {
                    Compare($"{path}[{i}]", desiredArray[i], existingArray[i], redactData, diff);
                }

                return;
            default:
                if (existing is null)
                {
                    diff.Add(IsRedacted(path, redactData) ? $"+ {path}" : $"+ {path}: {Short(desired)}");
                }
                else if (!JsonNode.DeepEquals(desired, existing))
                {
                    diff.AddRange(ValueChange(path, desired, existing, redactData));
                }

                return;
        }
    }

    private static void CompareObjects(string path, JsonObject desired, JsonObject existing, bool redactData, List<string> diff)
    {
        foreach (var (key, value) in desired)
        {
            if (path.Length == 0 && key == "status")
            {
                continue;
            }

            if (path == "metadata" && ServerManagedMetadata.Contains(key))
            {
                continue;
            }

            Compare(Join(path, key), value, existing[key], redactData, diff);
        }

        if (WholeMaps.Contains(path))
        {
            foreach (var (key, _) in existing)
            {
                if (!desired.ContainsKey(key) && !ControllerMaintainedKeyPrefixes.Any(prefix => key.StartsWith(prefix, StringComparison.Ordinal)))
                {
                    diff.Add($"- {Join(path, key)}");
                }
            }
        }
    }

    private static IEnumerable<string> ValueChange(string path, JsonNode desired, JsonNode existing, bool redactData)
    {
        if (IsRedacted(path, redactData))
        {
            return [$"~ {path} (secret value not shown)"];
        }

        if (desired is JsonValue desiredValue && desiredValue.TryGetValue<string>(out var newText)
            && existing is JsonValue existingValue && existingValue.TryGetValue<string>(out var oldText)
            && (newText.Contains('\n', StringComparison.Ordinal) || oldText.Contains('\n', StringComparison.Ordinal)))
        {
            return [$"~ {path}:", .. LineDiff.Compare(oldText, newText).Select(line => "  " + line)];
        }

        return [$"~ {path}: {Short(existing)} -> {Short(desired)}"];
    }

    private static bool IsRedacted(string path, bool redactData) =>
        redactData && (path.StartsWith("data.", StringComparison.Ordinal) || path.StartsWith("stringData.", StringComparison.Ordinal));

    private static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    private static string Short(JsonNode? value)
    {
        var text = value?.ToJsonString() ?? "null";
        return text.Length <= 80 ? text : text[..77] + "...";
    }
}
