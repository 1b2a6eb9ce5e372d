using System.Globalization;
using System.Text.Json.Nodes;

namespace Kubeadm.Core.Patches;

/// <summary>An RFC 6901 JSON pointer (<c>/spec/containers/0/command</c>), split into unescaped reference tokens.</summary>
internal sealed class JsonPointer
{
    private JsonPointer(string text, IReadOnlyList<string> tokens)
    {
        Text = text;
        Tokens = tokens;
    }

    public string Text { get; }

    public IReadOnlyList<string> Tokens { get; }

    public bool IsRoot => Tokens.Count == 0;

    /// <summary>The last token: the member name or array index the pointer ends at.</summary>
    public string Last => Tokens[^1];

    public static JsonPointer Parse(string text)
    {
        if (text.Length == 0)
        {
            return new JsonPointer(text, []);
        }

        if (text[0] != '/')
        {
            throw new PatchException($"invalid JSON pointer \"{text}\": it must be empty or start with '/'");
        }

        var tokens = text[1..].Split('/')
            .Select(token => token.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal))
            .ToList();
        return new JsonPointer(text, tokens);
    }

    /// <summary>The node the pointer names; throws when a step is missing.</summary>
    public JsonNode? Resolve(JsonNode? document) => Walk(document, Tokens.Count);

    /// <summary>The container holding the pointer's last token (an object or an array).</summary>
    public JsonNode ResolveParent(JsonNode? document) =>
        Walk(document, Tokens.Count - 1) is { } parent and (JsonObject or JsonArray)
            ? parent
            : throw new PatchException($"path \"{Text}\": the parent is not an object or array");

    /// <summary>An array index token: digits only, no leading zero; <paramref name="allowEnd"/> lets it equal the length.</summary>
    public int ArrayIndex(string token, int count, bool allowEnd)
    {
        var valid = token.Length > 0 && token.All(char.IsAsciiDigit) && (token.Length == 1 || token[0] != '0')
            && int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out _);
        var index = valid ? int.Parse(token, NumberStyles.None, CultureInfo.InvariantCulture) : -1;
        if (index < 0 || index > count || (index == count && !allowEnd))
        {
            throw new PatchException($"path \"{Text}\": array index \"{token}\" is out of range (the array has {count} items)");
        }

        return index;
    }

    private JsonNode? Walk(JsonNode? node, int steps)
    {
        for (var i = 0; i < steps; i++)
        {
            var token = Tokens[i];
            node = node switch
            {
                JsonObject obj when obj.TryGetPropertyValue(token, out var child) => child,
                JsonObject => throw new PatchException($"path \"{Text}\": no member \"{token}\""),
                JsonArray array => array[ArrayIndex(token, array.Count, allowEnd: false)],
                _ => throw new PatchException($"path \"{Text}\": \"{token}\" is not inside an object or array"),
            };
        }

        return node;
    }
}
