using System.Text.Json.Nodes;

namespace Kubeadm.Core.Patches;

/// <summary>The patches read from one file, applied in order to one target.</summary>
/// <param name="FileName">The file's base name, for messages.</param>
/// <param name="Target">The target the file name names.</param>
/// <param name="Type">How the patches are applied.</param>
/// <param name="Patches">One patch per (non-empty) YAML document of the file, as JSON.</param>
public sealed record PatchSet(string FileName, string Target, PatchType Type, IReadOnlyList<JsonNode> Patches)
{
    /// <summary>Reads a patch file's text: each non-empty YAML (or JSON) document is one patch.</summary>
    public static PatchSet Parse(string fileName, string target, PatchType type, string content)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(content);
        return new PatchSet(fileName, target, type, PatchDocumentReader.Read(fileName, content));
    }
}
