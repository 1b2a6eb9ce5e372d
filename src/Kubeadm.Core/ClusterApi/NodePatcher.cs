using System.Text.Json.Nodes;
using k8s;
using k8s.Models;

namespace Kubeadm.Core.ClusterApi;

/// <summary>
/// Applies the node patches kubeadm sends (labels, annotations, taints) for the in-memory and dry-run APIs: maps merge
/// key by key, lists replaced — which is what a strategic merge does for these fields.
/// </summary>
public static class NodePatcher
{
    public static V1Node Apply(V1Node node, string patch)
    {
        ArgumentNullException.ThrowIfNull(node);
        var target = JsonNode.Parse(KubernetesJson.Serialize(node))!;
        var merged = Merge(target, JsonNode.Parse(patch));
        return KubernetesJson.Deserialize<V1Node>(merged!.ToJsonString());
    }

    private static JsonNode? Merge(JsonNode? target, JsonNode? patch)
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
            }
            else
            {
                result[name] = Merge(result[name]?.DeepClone(), value);
            }
        }

        return result;
    }
}
