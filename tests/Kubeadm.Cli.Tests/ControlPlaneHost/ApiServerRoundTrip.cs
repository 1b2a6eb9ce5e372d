using System.Text.Json.Nodes;

namespace Kubeadm.Cli.Tests.ControlPlaneHost;

/// <summary>
/// Sends an object to the real API server (server-side dry run: decoded, defaulted, validated and admitted, but not
/// stored) and reports every field of what was sent that is missing from what the server returns. The server drops
/// what it does not know, so a dropped field is a misspelled one or one that API version lacks.
/// </summary>
internal static class ApiServerRoundTrip
{
    /// <summary>
    /// Fields that exist only in API versions newer than the 1.20 test server: kubeadm 1.34 sets them and a 1.34
    /// server keeps them, so their loss here is version skew, not a defect. Keyed by "Kind:path" ([*] = any index).
    /// </summary>
    /// <remarks>Empty today: every field our manifests and objects set exists in the 1.20 API.</remarks>
    public static readonly IReadOnlyDictionary<string, string> KnownNewerFields = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Fields we send that the server replaces with its own on create, with the reason we send them.</summary>
    public static readonly IReadOnlyDictionary<string, string> ServerAssignedFields = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Service:metadata.resourceVersion"] =
            "kubeadm's kube-dns Service carries resourceVersion \"0\" so that updating it later is accepted; a create gets the server's own",
    };

    /// <summary>Why a dropped field is expected, or null when its loss is a defect.</summary>
    public static string? ExpectedDrop(string field) =>
        KnownNewerFields.TryGetValue(field, out var newer) ? "newer than 1.20: " + newer
        : ServerAssignedFields.TryGetValue(field, out var assigned) ? "server-assigned: " + assigned
        : null;

    /// <summary>The sent object under a new name (so it cannot collide with what init created) and the server's answer.</summary>
    public static async Task<(JsonObject Sent, JsonObject Returned)> DryRunCreateAsync(ProcessKubelet controlPlane, JsonObject item, string nameSuffix)
    {
        var sent = (JsonObject)item.DeepClone();
        var metadata = (JsonObject)sent["metadata"]!;
        metadata["name"] = (string)metadata["name"]! + nameSuffix;
        CommandResult result = new(-1, "", "");
        // The ServiceAccount admission of a Pod needs kube-system/default, which the controller-manager creates
        // shortly after it starts: a bounded retry on that one error.
        for (var attempt = 0; attempt < 30; attempt++)
        {
            result = await ProcessKubelet.KubectlAsync(
                controlPlane.SuperAdminKubeconfig, sent.ToJsonString(), "create", "--dry-run=server", "--validate=false", "-o", "json", "-f", "-");
            if (result.ExitCode == 0 || !result.Error.Contains("serviceaccount", StringComparison.OrdinalIgnoreCase))
            {
                break;
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
        }

        Assert.True(result.ExitCode == 0, $"the API server refused {Describe(sent)}: {result.Error}");
        return (sent, (JsonObject)JsonNode.Parse(result.Output)!);
    }

    /// <summary>"Kind:path" of every field present in <paramref name="sent"/> but absent from <paramref name="returned"/>.</summary>
    public static List<string> DroppedFields(JsonObject sent, JsonObject returned)
    {
        var kind = (string?)sent["kind"] ?? "?";
        var dropped = new List<string>();
        Walk(sent, returned, "", kind, dropped);
        return dropped;
    }

    public static string Describe(JsonObject item) => $"{item["kind"]} {item["metadata"]?["namespace"]}/{item["metadata"]?["name"]}";

    private static void Walk(JsonNode? sent, JsonNode? returned, string path, string kind, List<string> dropped)
    {
        switch (sent)
        {
            case JsonObject map:
                foreach (var (key, value) in map)
                {
                    var childPath = path.Length == 0 ? key : path + "." + key;
                    if (returned is not JsonObject returnedMap || !returnedMap.ContainsKey(key))
                    {
                        // The server's encoder omits empty values (omitempty); only a value that meant something can be dropped.
                        if (!IsEmpty(value))
                        {
                            dropped.Add($"{kind}:{childPath}");
                        }

                        continue;
                    }

                    Walk(value, returnedMap[key], childPath, kind, dropped);
                }

                break;
            case JsonArray list:
                for (var i = 0; i < list.Count; i++)
                {
                    var childPath = $"{path}[*]";
                    if (returned is not JsonArray returnedList || i >= returnedList.Count)
                    {
                        dropped.Add($"{kind}:{path}[{i}]");
                        continue;
                    }

                    Walk(list[i], returnedList[i], childPath, kind, dropped);
                }

                break;
        }
    }

    /// <summary>Go's omitempty leaves out null, "", false, 0 and empty maps and lists; their absence drops nothing.</summary>
    private static bool IsEmpty(JsonNode? value) => value switch
    {
        null => true,
        JsonObject map => map.Count == 0,
        JsonArray list => list.Count == 0,
        JsonValue scalar => scalar.ToJsonString() is "\"\"" or "false" or "0",
        _ => false,
    };
}
