using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using Kubeadm.Core.ClusterApi;
using Kubeadm.Core.Patches;

namespace Kubeadm.Core.Addons;

/// <summary>Addon objects as JSON trees (for the user's patches) and as YAML, with kubeadm's source-generated serializer (KubeJson).</summary>
public static class AddonObjectJson
{
    public static JsonObject ToJsonObject<T>(T item)
        where T : class, IKubernetesObject<V1ObjectMeta> =>
        JsonNode.Parse(KubeJson.Serialize(item))!.AsObject();

    public static T FromJsonObject<T>(JsonObject json)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(json);
        return KubeJson.Deserialize<T>(json.ToJsonString());
    }

    /// <summary>The object after the user's patches for <paramref name="target"/> (the same content when none apply).</summary>
    public static T Patch<T>(T item, IPatchApplier patches, string target)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(patches);
        return FromJsonObject<T>(patches.Apply(target, ToJsonObject(item)));
    }

    /// <summary>The YAML kubeadm would print for the object (sorted keys, as Go writes it).</summary>
    public static string ToYaml<T>(T item)
        where T : class, IKubernetesObject<V1ObjectMeta> =>
        ApiObjects.ToYaml(item);
}
