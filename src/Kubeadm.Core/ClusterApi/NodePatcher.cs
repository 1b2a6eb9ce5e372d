using System.Text.Json.Nodes;
using k8s.Models;
using Kubeadm.Core.Patches;

namespace Kubeadm.Core.ClusterApi;

/// <summary>
/// Applies the node patches kubeadm sends (labels, annotations, taints) for the in-memory and dry-run APIs: maps merge
/// key by key, lists replaced — a JSON merge patch, which is what a strategic merge does for these fields.
/// </summary>
public static class NodePatcher
{
    public static V1Node Apply(V1Node node, string patch)
    {
        ArgumentNullException.ThrowIfNull(node);
        var target = JsonNode.Parse(KubeJson.Serialize(node))!;
        var merged = JsonMergePatch.Apply(target, JsonNode.Parse(patch));
        return KubeJson.Deserialize<V1Node>(merged!.ToJsonString());
    }
}
