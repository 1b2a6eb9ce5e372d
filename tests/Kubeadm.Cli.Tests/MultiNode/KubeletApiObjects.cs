using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Kubeadm.Cli.Tests.RealEtcd;

namespace Kubeadm.Cli.Tests.MultiNode;

/// <summary>
/// What the kubelet stand-in posts to the API server, built the way the kubelet builds it (pkg/kubelet/config/common.go,
/// pkg/kubelet/pod/mirror_client.go, pkg/kubelet/types/pod_update.go, the status manager and node status setters):
/// <list type="bullet">
/// <item>A static pod's hash is an MD5 over "host:&lt;node&gt;", "file:&lt;manifest path&gt;" and the pod (the kubelet
/// deep-hashes the decoded object; the stand-in hashes the manifest text, so any change of the file changes it). It is the
/// static pod's UID and its <c>kubernetes.io/config.hash</c>; the mirror Pod carries it again as
/// <c>kubernetes.io/config.mirror</c> — kubeadm's upgrade waits for the config.hash of the mirror Pod to change.</item>
/// <item>Mirror Pod: the manifest's Pod named &lt;pod&gt;-&lt;node&gt;, <c>kubernetes.io/config.source=file</c>,
/// <c>kubernetes.io/config.seen</c>, the NoExecute toleration the kubelet adds to file pods, the owner reference to the
/// Node (NodeRestriction), spec.nodeName.</item>
/// <item>Pod status (pods/status, as the status manager patches it): phase, conditions, host and pod IP (host network),
/// and the container's status with its image.</item>
/// <item>Node status (nodes/status): nodeInfo with the kubelet version, addresses, and a Ready condition whose
/// lastHeartbeatTime is renewed (the node lifecycle controller marks a node Unknown after 40 s without one).</item>
/// </list>
/// </summary>
internal static class KubeletApiObjects
{
    public const string ConfigHashAnnotation = "kubernetes.io/config.hash";
    public const string ConfigMirrorAnnotation = "kubernetes.io/config.mirror";
    public const string ConfigSourceAnnotation = "kubernetes.io/config.source";
    public const string ConfigSeenAnnotation = "kubernetes.io/config.seen";

    /// <summary>The static pod's hash (its UID and config.hash): 32 lower-case hex digits.</summary>
    /// <remarks>MD5 as the kubelet uses it: an identity for change detection, not a security measure.</remarks>
#pragma warning disable CA5351 // Same algorithm as the kubelet's; nothing here depends on collision resistance.
    public static string StaticPodHash(string nodeName, string manifestPath, string manifest) =>
        Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes($"host:{nodeName}file:{manifestPath}{manifest}")));
#pragma warning restore CA5351

    /// <summary>The mirror Pod of a static pod read from <paramref name="manifest"/> (YAML), as the kubelet creates it.</summary>
    public static JsonObject MirrorPod(string podName, string manifest, string nodeName, string nodeUid, string hash, DateTime seen)
    {
        var pod = JsonNode.Parse(ManifestJson.FromYaml(manifest))!.AsObject();
        var metadata = pod["metadata"]!.AsObject();
        metadata["name"] = $"{podName}-{nodeName}";
        var annotations = metadata["annotations"] as JsonObject ?? [];
        metadata["annotations"] = annotations;
        annotations[ConfigHashAnnotation] = hash;
        annotations[ConfigMirrorAnnotation] = hash;
        annotations[ConfigSourceAnnotation] = "file";
        annotations[ConfigSeenAnnotation] = seen.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

        // NodeRestriction (1.17+): a node's mirror Pods are owned by its Node, as the kubelet sets it.
        metadata["ownerReferences"] = new JsonArray(new JsonObject
        {
            ["apiVersion"] = "v1", ["kind"] = "Node", ["name"] = nodeName, ["uid"] = nodeUid, ["controller"] = true,
        });
        var spec = pod["spec"]!.AsObject();
        spec["nodeName"] = nodeName;
        var tolerations = spec["tolerations"] as JsonArray ?? [];
        spec["tolerations"] = tolerations;
        tolerations.Add(new JsonObject { ["operator"] = "Exists", ["effect"] = "NoExecute" });
        pod.Remove("status");
        return pod;
    }

    /// <summary>The image of the manifest's (first) container, or null.</summary>
    public static string? ImageOf(string manifest)
    {
        try
        {
            return (string?)JsonNode.Parse(ManifestJson.FromYaml(manifest))?["spec"]?["containers"]?[0]?["image"];
        }
        catch (Exception e) when (e is YamlDotNet.Core.YamlException or InvalidOperationException or System.Text.Json.JsonException)
        {
            return null;
        }
    }

    /// <summary>A merge patch of pods/status for the static pod's one container in <paramref name="state"/>.</summary>
    public static string PodStatusPatch(string containerName, StaticPodState state, string hostIp)
    {
        JsonObject containerState;
        if (state.Waiting is { } waiting)
        {
            containerState = new JsonObject { ["waiting"] = new JsonObject { ["reason"] = waiting.Reason, ["message"] = waiting.Message } };
        }
        else
        {
            containerState = new JsonObject { ["running"] = new JsonObject { ["startedAt"] = Timestamp(state.StartedAt) } };
        }

        var container = new JsonObject
        {
            ["name"] = containerName,
            ["image"] = state.Image,
            ["imageID"] = state.Binary is null ? "" : "file://" + state.Binary,
            ["ready"] = state.Running,
            ["started"] = state.Running,
            ["restartCount"] = state.RestartCount,
            ["state"] = containerState,
        };
        if (state.LastExitCode is { } exitCode)
        {
            container["lastState"] = new JsonObject { ["terminated"] = new JsonObject { ["exitCode"] = exitCode, ["reason"] = "Error" } };
        }

        var ready = state.Running ? "True" : "False";
        var since = Timestamp(state.StartedAt);
        var status = new JsonObject
        {
            // restartPolicy Always: a container that ran once keeps the pod Running while it crash-loops; one whose image
            // was never pulled leaves it Pending.
            ["phase"] = state.Binary is null ? "Pending" : "Running",
            ["hostIP"] = hostIp,
            ["podIP"] = hostIp,
            ["podIPs"] = new JsonArray(new JsonObject { ["ip"] = hostIp }),
            ["startTime"] = since,
            ["conditions"] = new JsonArray(
                Condition("Initialized", "True", since),
                Condition("Ready", ready, since),
                Condition("ContainersReady", ready, since),
                Condition("PodScheduled", "True", since)),
            ["containerStatuses"] = new JsonArray(container),
        };
        return new JsonObject { ["status"] = status }.ToJsonString();
    }

    /// <summary>A merge patch of nodes/status: the kubelet's version, the node's addresses, Ready with a fresh heartbeat.</summary>
    public static string NodeStatusPatch(string nodeName, string address, string kubeletVersion, DateTime readySince, DateTime heartbeat) =>
        new JsonObject
        {
            ["status"] = new JsonObject
            {
                ["nodeInfo"] = new JsonObject
                {
                    ["kubeletVersion"] = kubeletVersion,
                    ["operatingSystem"] = "linux",
                    ["architecture"] = "amd64",
                    ["containerRuntimeVersion"] = "kubeadm-test-process-stand-in://1",
                    ["osImage"] = "multi-node test bed node",
                },
                ["addresses"] = new JsonArray(
                    new JsonObject { ["type"] = "InternalIP", ["address"] = address },
                    new JsonObject { ["type"] = "Hostname", ["address"] = nodeName }),
                ["conditions"] = new JsonArray(new JsonObject
                {
                    ["type"] = "Ready",
                    ["status"] = "True",
                    ["reason"] = "KubeletReady",
                    ["message"] = "kubelet is posting ready status (multi-node bed stand-in)",
                    ["lastHeartbeatTime"] = Timestamp(heartbeat),
                    ["lastTransitionTime"] = Timestamp(readySince),
                }),
            },
        }.ToJsonString();

    /// <summary>
    /// Applies a JSON merge patch (RFC 7386) to <paramref name="target"/> in place: objects merge, null removes, anything
    /// else replaces. The node identity may update pods/status and nodes/status but not read them, so kubectl's patch
    /// (which reads the subresource first) is refused; the stand-in reads the object, patches it here and replaces the status.
    /// </summary>
    public static void ApplyMergePatch(JsonObject target, JsonObject patch)
    {
        foreach (var (key, value) in patch.ToList())
        {
            if (value is null)
            {
                target.Remove(key);
            }
            else if (value is JsonObject patchObject && target[key] is JsonObject targetObject)
            {
                ApplyMergePatch(targetObject, patchObject);
            }
            else
            {
                target[key] = value.DeepClone();
            }
        }
    }

    private static JsonObject Condition(string type, string status, string since) =>
        new() { ["type"] = type, ["status"] = status, ["lastTransitionTime"] = since };

    private static string Timestamp(DateTime time) => time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}

/// <summary>What the stand-in knows of one static pod's container: its image and binary (null: the image cannot be pulled), whether it runs, restarts.</summary>
internal sealed record StaticPodState(string? Image, string? Binary, bool Running, DateTime StartedAt, int RestartCount, int? LastExitCode, StaticPodWaiting? Waiting);

/// <summary>Why a container is not running (the kubelet's waiting reasons: ImagePullBackOff, CrashLoopBackOff).</summary>
internal sealed record StaticPodWaiting(string Reason, string Message);
