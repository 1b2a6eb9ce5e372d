using System.Text.Json.Nodes;

namespace Kubeadm.Core.Patches;

/// <summary>RFC 7386 JSON merge patch: objects merge member by member, null deletes, anything else replaces.</summary>
public static class JsonMergePatch
{
    /// <summary>Applies <paramref name="patch"/> to <paramref name="target"/> (changed in place) and returns the result.</summary>
    public static JsonNode? Apply(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject)
        {
            return patch?.DeepClone();
        }

        var result = target as JsonObject ?? [];
        foreach (var (name, value) in patchObject)
        {
            if (value is null)
            {
                result.Remove(name);
                continue;
            }

            var current = result.TryGetPropertyValue(name, out var existing) ? existing : null;
            result.Remove(name);
            result[name] = Apply(current, value);
        }

        return result;
    }
}
