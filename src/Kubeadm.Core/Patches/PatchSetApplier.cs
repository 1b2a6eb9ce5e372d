using System.Text.Json.Nodes;

namespace Kubeadm.Core.Patches;

/// <summary>
/// Applies patch sets already read, in order, each patch announced with kubeadm's
/// <c>[patches] Applied patch of type "…" to target "…"</c> line.
/// </summary>
public sealed class PatchSetApplier : IPatchApplier
{
    private readonly IReadOnlyList<PatchSet> _sets;
    private readonly TextWriter _output;

    public PatchSetApplier(IReadOnlyList<PatchSet> sets, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(sets);
        ArgumentNullException.ThrowIfNull(output);
        _sets = sets;
        _output = output;
    }

    /// <inheritdoc/>
    public JsonObject Apply(string target, JsonObject document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (!PatchTargets.All.Contains(target, StringComparer.Ordinal))
        {
            throw new PatchException($"unknown patch target name \"{target}\", must be one of {PatchTargets.Listed}");
        }

        JsonObject? patched = null;
        foreach (var set in _sets.Where(set => set.Target == target))
        {
            foreach (var patch in set.Patches)
            {
                patched = ApplyOne(set, patch, patched ?? (JsonObject)document.DeepClone());
                _output.Write($"[patches] Applied patch of type \"{set.Type.ContentType}\" to target \"{target}\"\n");
            }
        }

        return patched ?? document;
    }

    /// <summary>Applies one patch of a known type to a document (changed in place).</summary>
    public static JsonObject ApplyPatch(PatchType type, string target, JsonNode patch, JsonObject document)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(patch);
        var result = type == PatchType.Json ? JsonPatch.Apply(document, patch)
            : type == PatchType.Merge ? JsonMergePatch.Apply(document, patch)
            : StrategicMergePatch.Apply(document, patch, PatchTargets.SchemaFor(target));
        return result as JsonObject ?? throw new PatchException("the patched document is no longer an object");
    }

    private static JsonObject ApplyOne(PatchSet set, JsonNode patch, JsonObject document)
    {
        try
        {
            return ApplyPatch(set.Type, set.Target, patch, document);
        }
        catch (PatchException e)
        {
            throw new PatchException(
                $"could not apply the following patch of type \"{set.Type.ContentType}\" from file \"{set.FileName}\" to target \"{set.Target}\":\n{patch.ToJsonString()}\n: {e.Message}",
                e);
        }
    }
}
