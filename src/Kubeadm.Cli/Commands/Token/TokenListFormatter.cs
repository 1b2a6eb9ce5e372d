using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kubeadm.App.CertsCommands;
using Kubeadm.Core.BootstrapTokens;
using Kubeadm.Core.Configuration.Serialization;

namespace Kubeadm.Cli.Commands.Token;

/// <summary>
/// `kubeadm token list` output. text: kubeadm's table (Go tabwriter, min width 10, padding 3; the header shares its
/// block with the first token only, each later token is aligned on its own, as kubeadm prints one object at a time).
/// json / yaml: output.kubeadm.k8s.io/v1alpha3 BootstrapToken objects, one after another (yaml separated by ---).
/// </summary>
public static class TokenListFormatter
{
    public const string ApiVersion = "output.kubeadm.k8s.io/v1alpha3";
    public const string Kind = "BootstrapToken";

    private static readonly string[] Columns = ["TOKEN", "TTL", "EXPIRES", "USAGES", "DESCRIPTION", "EXTRA GROUPS"];

    public static string Text(IReadOnlyList<BootstrapTokenInfo> tokens, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var output = new StringBuilder();
        for (var i = 0; i < tokens.Count; i++)
        {
            var writer = new GoTabWriter(minWidth: 10, padding: 3);
            if (i == 0)
            {
                writer.WriteLine(string.Join('\t', Columns));
            }

            writer.WriteLine(Row(tokens[i], now));
            output.Append(writer);
        }

        return output.ToString();
    }

    public static string Json(IReadOnlyList<BootstrapTokenInfo> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var output = new StringBuilder();
        foreach (var token in tokens)
        {
            var options = new JsonWriterOptions { Indented = true, IndentSize = 4, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer, options))
            {
                writer.WriteStartObject();
                writer.WriteString("kind", Kind);
                writer.WriteString("apiVersion", ApiVersion);
                writer.WriteString("token", token.Token.ToString());
                if (token.Description.Length > 0)
                {
                    writer.WriteString("description", token.Description);
                }

                if (token.Expires is { } expires)
                {
                    writer.WriteString("expires", BootstrapTokenSecret.FormatTime(expires));
                }

                WriteList(writer, "usages", token.Usages);
                WriteList(writer, "groups", token.Groups);
                writer.WriteEndObject();
            }

            output.Append(Encoding.UTF8.GetString(buffer.ToArray()).Replace("\r\n", "\n", StringComparison.Ordinal)).Append('\n');
        }

        return output.ToString();
    }

    public static string Yaml(IReadOnlyList<BootstrapTokenInfo> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        return string.Join("---\n", tokens.Select(token =>
        {
            var node = new JsonObject { ["apiVersion"] = ApiVersion, ["kind"] = Kind, ["token"] = token.Token.ToString() };
            if (token.Description.Length > 0)
            {
                node["description"] = token.Description;
            }

            if (token.Expires is { } expires)
            {
                node["expires"] = BootstrapTokenSecret.FormatTime(expires);
            }

            if (token.Usages.Count > 0)
            {
                node["usages"] = new JsonArray([.. token.Usages.Select(u => JsonValue.Create(u))]);
            }

            if (token.Groups.Count > 0)
            {
                node["groups"] = new JsonArray([.. token.Groups.Select(g => JsonValue.Create(g))]);
            }

            return JsonYamlWriter.Write(node);
        }));
    }

    private static string Row(BootstrapTokenInfo token, DateTimeOffset now)
    {
        var ttl = token.Expires is { } expires ? HumanDuration.ShortForm(expires - now) : "<forever>";
        var expiresText = token.Expires is { } at ? Rfc3339(at) : "<never>";
        var usages = token.Usages.Count > 0 ? string.Join(',', token.Usages) : "<none>";
        var description = token.Description.Length > 0 ? token.Description : "<none>";
        var groups = token.Groups.Count > 0 ? string.Join(',', token.Groups) : "<none>";
        return string.Join('\t', token.Token.ToString(), ttl.PadRight(9), expiresText, usages.PadRight(22), description.PadRight(56), groups);
    }

    /// <summary>Go's time.RFC3339 in the zone the Secret gave: "Z" for UTC, else the offset.</summary>
    private static string Rfc3339(DateTimeOffset time) =>
        time.Offset == TimeSpan.Zero
            ? BootstrapTokenSecret.FormatTime(time)
            : time.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static void WriteList(Utf8JsonWriter writer, string name, IReadOnlyList<string> values)
    {
        if (values.Count == 0)
        {
            return;
        }

        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }
}
