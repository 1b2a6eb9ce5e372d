using System.Text.Json.Nodes;

namespace Kubeadm.Core.Tests.Patches;

/// <summary>Short JSON helpers for the patch tests (single quotes stand for double quotes).</summary>
internal static class PatchJson
{
    public static JsonObject Object(string json) => (JsonObject)Node(json)!;

    public static JsonNode? Node(string json) => JsonNode.Parse(json.Replace('\'', '"'));

    /// <summary>The node as one line of JSON with every object's keys sorted (as Go writes maps).</summary>
    public static string Compact(JsonNode? node) => Sorted(node)?.ToJsonString() ?? "null";

    public static string Compact(string json) => Compact(Node(json));

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.OrderBy(pair => pair.Key, StringComparer.Ordinal)
            .Select(pair => KeyValuePair.Create(pair.Key, Sorted(pair.Value)))),
        JsonArray array => new JsonArray([.. array.Select(Sorted)]),
        _ => node?.DeepClone(),
    };

    public static JsonObject StaticPod() => Object("""
        {'apiVersion':'v1','kind':'Pod','metadata':{'name':'kube-apiserver','namespace':'kube-system'},
         'spec':{'containers':[{'name':'kube-apiserver','command':['kube-apiserver','--a=1'],
                 'env':[{'name':'X','value':'1'}],
                 'volumeMounts':[{'mountPath':'/etc/ssl/certs','name':'ca-certs','readOnly':true}]}],
                 'volumes':[{'name':'ca-certs','hostPath':{'path':'/etc/ssl/certs','type':'DirectoryOrCreate'}}]}}
        """);
}
