using System.Text.Json.Nodes;
using Kubeadm.Core.Configuration.Serialization;
using YamlDotNet.Core;

namespace Kubeadm.Core.Patches;

/// <summary>Splits a patch file into its YAML (or JSON) documents, each one patch, skipping empty documents.</summary>
internal static class PatchDocumentReader
{
    public static List<JsonNode> Read(string fileName, string content)
    {
        List<YamlTreeNode> documents;
        try
        {
            documents = YamlTreeReader.ReadDocuments(content);
        }
        catch (YamlException e)
        {
            throw new PatchException(
                $"could not convert a patch to JSON: {fileName}: line {e.Start.Line}, column {e.Start.Column}: invalid YAML: {WithoutPosition(e.Message)}", e);
        }

        var patches = new List<JsonNode>();
        var diagnostics = new DecodeDiagnostics(fileName);
        var values = new YamlValueReader(diagnostics);
        for (var i = 0; i < documents.Count; i++)
        {
            diagnostics.DocumentNumber = i + 1;
            if (documents[i] is YamlTreeScalar { Value.Length: 0 })
            {
                continue;
            }

            var json = YamlJsonConverter.ToJson(documents[i], "", values);
            if (diagnostics.Errors.Count > 0)
            {
                throw new PatchException($"could not convert a patch to JSON: {diagnostics.Errors[0]}");
            }

            if (json is null)
            {
                continue;
            }

            patches.Add(json);
        }

        return patches;
    }

    // YamlDotNet starts its messages with "(Line: …) - (Line: …): "; the position is printed our own way.
    private static string WithoutPosition(string message)
    {
        var separator = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith("(Line", StringComparison.Ordinal) && separator >= 0 ? message[(separator + 3)..] : message;
    }
}
