using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Kubeadm.Core.ClusterApi;

/// <summary>
/// JSON for the API objects kubeadm reads and writes, through <see cref="KubeModelJsonContext"/>: source-generated
/// for only the kinds listed there. The client library's own serializer roots its metadata for every Kubernetes
/// model type, which the native image then carries and expands at start-up (about 10 MiB of a run's memory).
/// </summary>
public static class KubeJson
{
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, TypeInfo<T>());

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize(json, TypeInfo<T>()) ?? throw new JsonException($"null where a {typeof(T).Name} was expected");

    public static T Deserialize<T>(Stream json) =>
        JsonSerializer.Deserialize(json, TypeInfo<T>()) ?? throw new JsonException($"null where a {typeof(T).Name} was expected");

    public static JsonTypeInfo<T> TypeInfo<T>() =>
        KubeModelJsonContext.Default.GetTypeInfo(typeof(T)) as JsonTypeInfo<T>
        ?? throw new NotSupportedException($"{typeof(T).Name} is not in kubeadm's JSON context (KubeModelJsonContext)");
}
