using System.Text.Json.Nodes;

namespace Kubeadm.Core.Patches;

/// <summary>RFC 6902 JSON patch: a list of add, remove, replace, move, copy and test operations applied in order.</summary>
public static class JsonPatch
{
    /// <summary>Applies <paramref name="operations"/> to <paramref name="document"/> (changed in place) and returns the result.</summary>
    public static JsonNode? Apply(JsonNode? document, JsonNode operations)
    {
        if (operations is not JsonArray list)
        {
            throw new PatchException("a JSON patch must be a list of operations");
        }

        foreach (var item in list)
        {
            if (item is not JsonObject operation)
            {
                throw new PatchException("each JSON patch operation must be an object");
            }

            document = ApplyOne(document, operation);
        }

        return document;
    }

    private static JsonNode? ApplyOne(JsonNode? document, JsonObject operation)
    {
        var op = Text(operation, "op");
        var path = JsonPointer.Parse(Text(operation, "path"));
        switch (op)
        {
            case "add":
                return Add(document, path, Value(operation));
            case "remove":
                Remove(document, path);
                return document;
            case "replace":
                return Replace(document, path, Value(operation));
            case "move":
                var from = JsonPointer.Parse(Text(operation, "from"));
                var moved = from.Resolve(document)?.DeepClone();
                if (from.IsRoot)
                {
                    return Add(null, path, moved);
                }

                Remove(document, from);
                return Add(document, path, moved);
            case "copy":
                return Add(document, path, JsonPointer.Parse(Text(operation, "from")).Resolve(document)?.DeepClone());
            case "test":
                var actual = path.Resolve(document);
                return JsonNode.DeepEquals(actual, Value(operation))
                    ? document
                    : throw new PatchException($"test operation failed: the value at \"{path.Text}\" is {Describe(actual)}, not {Describe(Value(operation))}");
            default:
                throw new PatchException($"unknown JSON patch operation \"{op}\"");
        }
    }

    private static JsonNode? Add(JsonNode? document, JsonPointer path, JsonNode? value)
    {
        if (path.IsRoot)
        {
            return value;
        }

        switch (path.ResolveParent(document))
        {
            case JsonObject obj:
                obj[path.Last] = value;
                break;
            case JsonArray array when path.Last == "-":
                array.Add(value);
                break;
            case JsonArray array:
                array.Insert(path.ArrayIndex(path.Last, array.Count, allowEnd: true), value);
                break;
        }

        return document;
    }

    private static void Remove(JsonNode? document, JsonPointer path)
    {
        if (path.IsRoot)
        {
            throw new PatchException("the whole document cannot be removed");
        }

        switch (path.ResolveParent(document))
        {
            case JsonObject obj when !obj.Remove(path.Last):
                throw new PatchException($"path \"{path.Text}\": no member \"{path.Last}\" to remove");
            case JsonArray array:
                array.RemoveAt(path.ArrayIndex(path.Last, array.Count, allowEnd: false));
                break;
        }
    }

    private static JsonNode? Replace(JsonNode? document, JsonPointer path, JsonNode? value)
    {
        if (path.IsRoot)
        {
            return value;
        }

        switch (path.ResolveParent(document))
        {
            case JsonObject obj when !obj.ContainsKey(path.Last):
                throw new PatchException($"path \"{path.Text}\": no member \"{path.Last}\" to replace");
            case JsonObject obj:
                obj[path.Last] = value;
                break;
            case JsonArray array:
                array[path.ArrayIndex(path.Last, array.Count, allowEnd: false)] = value;
                break;
        }

        return document;
    }

    private static string Text(JsonObject operation, string member) =>
        operation.TryGetPropertyValue(member, out var node) && node is JsonValue value && value.TryGetValue<string>(out var text)
            ? text
            : throw new PatchException($"JSON patch operation {operation.ToJsonString()} has no string \"{member}\"");

    private static JsonNode? Value(JsonObject operation) =>
        operation.TryGetPropertyValue("value", out var value)
            ? value?.DeepClone()
            : throw new PatchException($"JSON patch operation {operation.ToJsonString()} has no \"value\"");

    private static string Describe(JsonNode? node) => node?.ToJsonString() ?? "null";
}
