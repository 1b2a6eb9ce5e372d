using System.Text.Json.Nodes;

namespace Kubeadm.Core.Patches;

/// <summary>
/// Kubernetes' strategic merge patch as apimachinery applies it: objects merge and null deletes (like a merge patch),
/// lists tagged "merge" merge item by item on their merge key (new items go first, as apimachinery orders them), other
/// lists are replaced; the directives <c>$patch: replace|delete|merge</c>, <c>$retainKeys</c> and
/// <c>$deleteFromPrimitiveList/…</c> are honoured and <c>$setElementOrder/…</c> is dropped.
/// </summary>
internal static class StrategicMergePatch
{
    private const string PatchDirective = "$patch";
    private const string RetainKeysDirective = "$retainKeys";
    private const string SetElementOrderPrefix = "$setElementOrder/";
    private const string DeleteFromPrimitiveListPrefix = "$deleteFromPrimitiveList/";

    /// <summary>Applies <paramref name="patch"/> to <paramref name="original"/> (changed in place); null means "deleted".</summary>
    public static JsonObject? Apply(JsonObject original, JsonNode patch, StrategicMergeSchema schema) =>
        patch is JsonObject patchObject
            ? MergeObject(original, patchObject, schema)
            : throw new PatchException("a strategic merge patch must be an object");

    private static JsonObject? MergeObject(JsonObject original, JsonObject patch, StrategicMergeSchema? schema)
    {
        switch (Directive(patch))
        {
            case "replace":
                return (JsonObject)Stripped(patch)!;
            case "delete":
                return null;
            case null or "merge":
                break;
            case var unknown:
                throw new PatchException($"unknown strategic merge patch directive \"{PatchDirective}: {unknown}\"");
        }

        foreach (var (name, value) in patch)
        {
            if (name is PatchDirective or RetainKeysDirective || name.StartsWith(SetElementOrderPrefix, StringComparison.Ordinal))
            {
                continue;
            }

            if (name.StartsWith(DeleteFromPrimitiveListPrefix, StringComparison.Ordinal))
            {
                DeleteFromList(original, name[DeleteFromPrimitiveListPrefix.Length..], value);
                continue;
            }

            var field = schema?.Field(name);
            var current = original.TryGetPropertyValue(name, out var existing) ? existing : null;
            original.Remove(name);
            var merged = value switch
            {
                null => null,
                JsonObject patchObject => MergeObject(current as JsonObject ?? [], patchObject, field?.Type),
                JsonArray patchList when field is { MergesList: true } => MergeList(current as JsonArray ?? [], patchList, field),
                _ => Stripped(value),
            };
            if (merged is not null)
            {
                original[name] = merged;
            }
        }

        if (patch.TryGetPropertyValue(RetainKeysDirective, out var retain) && retain is JsonArray retained)
        {
            var keep = retained.Select(key => key?.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
            foreach (var name in original.Select(pair => pair.Key).Where(name => !keep.Contains(name)).ToList())
            {
                original.Remove(name);
            }
        }

        return original;
    }

    private static JsonArray MergeList(JsonArray original, JsonArray patch, StrategicMergeField field)
    {
        if (patch.Any(item => item is JsonObject obj && Directive(obj) == "replace"))
        {
            return [.. patch.Where(item => !(item is JsonObject obj && Directive(obj) == "replace")).Select(Stripped)];
        }

        var originalOrder = original.Select(item => item?.DeepClone()).ToList();
        var merged = original.Select(item => item?.DeepClone()).ToList();
        var patchItems = new List<JsonNode?>();
        foreach (var item in patch)
        {
            if (field.MergeKey is null)
            {
                if (!merged.Any(existing => JsonNode.DeepEquals(existing, item)))
                {
                    merged.Add(item?.DeepClone());
                }

                patchItems.Add(item);
                continue;
            }

            if (item is not JsonObject patchObject)
            {
                throw new PatchException($"a list merged on \"{field.MergeKey}\" can only hold objects, got {item?.ToJsonString() ?? "null"}");
            }

            var key = patchObject[field.MergeKey] ?? throw new PatchException(
                $"the list item {patchObject.ToJsonString()} does not contain the merge key \"{field.MergeKey}\"");
            var index = merged.FindIndex(existing => SameKey(existing, key, field.MergeKey));
            if (Directive(patchObject) == "delete")
            {
                merged.RemoveAll(existing => SameKey(existing, key, field.MergeKey));
                continue;
            }

            var result = MergeObject(index >= 0 ? (JsonObject)merged[index]! : [], patchObject, field.Type);
            if (index >= 0)
            {
                merged.RemoveAt(index);
            }

            if (result is not null)
            {
                merged.Insert(index >= 0 ? index : merged.Count, result);
            }

            patchItems.Add(patchObject);
        }

        return Ordered(merged, patchItems, originalOrder, field.MergeKey);
    }

    /// <summary>
    /// apimachinery's order: items the patch names, in the patch's order, interleaved with the other items kept in their
    /// original order; an item missing from the original sorts before any original item it meets.
    /// </summary>
    private static JsonArray Ordered(List<JsonNode?> merged, List<JsonNode?> patchItems, List<JsonNode?> originalOrder, string? mergeKey)
    {
        int IndexIn(List<JsonNode?> list, JsonNode? item) => mergeKey is null
            ? list.FindIndex(candidate => JsonNode.DeepEquals(candidate, item))
            : list.FindIndex(candidate => item is JsonObject obj && SameKey(candidate, obj[mergeKey], mergeKey));

        var named = merged.Where(item => IndexIn(patchItems, item) >= 0).OrderBy(item => IndexIn(patchItems, item)).ToList();
        var others = merged.Where(item => IndexIn(patchItems, item) < 0).ToList();
        var result = new JsonArray();
        int i = 0, j = 0;
        while (i < others.Count || j < named.Count)
        {
            var takeOther = j >= named.Count
                || (i < others.Count && IndexIn(originalOrder, others[i]) is var left and >= 0
                    && IndexIn(originalOrder, named[j]) is var right and >= 0 && left < right);
            result.Add(takeOther ? others[i++] : named[j++]);
        }

        return result;
    }

    private static void DeleteFromList(JsonObject original, string name, JsonNode? values)
    {
        if (original[name] is not JsonArray list || values is not JsonArray toDelete)
        {
            return;
        }

        foreach (var item in list.Where(item => toDelete.Any(value => JsonNode.DeepEquals(value, item))).ToList())
        {
            list.Remove(item);
        }
    }

    private static bool SameKey(JsonNode? item, JsonNode? key, string mergeKey) =>
        item is JsonObject obj && JsonNode.DeepEquals(obj[mergeKey], key);

    private static string? Directive(JsonObject patch) =>
        patch.TryGetPropertyValue(PatchDirective, out var value) && value is JsonValue text && text.TryGetValue<string>(out var directive)
            ? directive
            : null;

    /// <summary>A copy of a patch value without directives or nulls, for a value the original does not have.</summary>
    private static JsonNode? Stripped(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj
            .Where(pair => pair.Value is not null && !pair.Key.StartsWith('$'))
            .Select(pair => KeyValuePair.Create(pair.Key, Stripped(pair.Value)))),
        JsonArray array => new JsonArray([.. array.Select(Stripped)]),
        _ => node?.DeepClone(),
    };
}
