using System.Text.Json.Nodes;
using k8s.Models;
using Kubeadm.Core.ClusterApi;
using Kubeadm.Core.Configuration.Serialization;

namespace Kubeadm.Core.ControlPlane;

/// <summary>Turns a pod into the JSON tree patches work on, and that tree into the manifest YAML kubeadm writes.</summary>
public static class StaticPodSerializer
{
    /// <summary>The pod as a JSON object, with kubeadm's source-generated (AOT-safe) serializer.</summary>
    public static JsonObject ToJsonObject(V1Pod pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        return JsonNode.Parse(KubeJson.Serialize(pod))!.AsObject();
    }

    /// <summary>The manifest text: sorted keys like Go's sigs.k8s.io/yaml, ending with a newline.</summary>
    public static string ToYaml(JsonObject pod) => JsonYamlWriter.Write(pod);

    /// <summary>Reads a manifest back into the client's model (for checks of what was written).</summary>
    public static V1Pod FromJson(string json) => KubeJson.Deserialize<V1Pod>(json);
}
