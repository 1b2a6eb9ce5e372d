using System.Text.Json.Nodes;

namespace Kubeadm.Core.Patches;

/// <summary>No --patches directory: documents are written as built.</summary>
public sealed class NoPatches : IPatchApplier
{
    public static NoPatches Instance { get; } = new();

    public JsonObject Apply(string target, JsonObject document) => document;
}
