using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using Kubeadm.Core.Configuration.Serialization;

namespace Kubeadm.Core.ClusterApi;

/// <summary>Helpers shared by the cluster API implementations: type metadata, deep copies, YAML for display.</summary>
public static class ApiObjects
{
    /// <summary>Fills in apiVersion and kind from the object's type, as the API server does on reads.</summary>
    public static T WithTypeMeta<T>(T item)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(item);
        var resource = ApiResource.Of<T>();
        item.ApiVersion ??= resource.ApiVersion;
        item.Kind ??= resource.Kind;
        return item;
    }

    public static T DeepCopy<T>(T item)
        where T : class, IKubernetesObject<V1ObjectMeta> =>
        KubeJson.Deserialize<T>(KubeJson.Serialize(item));

    /// <summary>The object as YAML with sorted keys (kubeadm's dry-run and print format).</summary>
    public static string ToYaml<T>(T item)
        where T : class, IKubernetesObject<V1ObjectMeta> =>
        JsonYamlWriter.Write(JsonNode.Parse(KubeJson.Serialize(WithTypeMeta(DeepCopy(item)))));

    /// <summary>"kube-system/kubeadm-config", or just the name for cluster-scoped objects.</summary>
    public static string Describe<T>(T item)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(item);
        var ns = item.Metadata?.NamespaceProperty;
        return string.IsNullOrEmpty(ns) ? item.Metadata?.Name ?? "" : $"{ns}/{item.Metadata?.Name}";
    }
}
