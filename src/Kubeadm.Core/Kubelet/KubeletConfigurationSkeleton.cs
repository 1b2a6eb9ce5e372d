using System.Text.Json.Nodes;
using Kubeadm.Core.Configuration.Serialization;

namespace Kubeadm.Core.Kubelet;

/// <summary>
/// The fields Go writes for an otherwise empty kubelet.config.k8s.io/v1beta1 KubeletConfiguration: the ones without
/// omitempty and the struct-typed ones (Go never omits a struct), e.g. every Duration as <c>0s</c>.
/// </summary>
internal static class KubeletConfigurationSkeleton
{
    private const string ZeroDuration = "0s";

    private static readonly string[] TopLevelDurations =
    [
        "cpuManagerReconcilePeriod", "evictionPressureTransitionPeriod", "fileCheckFrequency", "httpCheckFrequency",
        "imageMaximumGCAge", "imageMinimumGCAge", "nodeStatusReportFrequency", "nodeStatusUpdateFrequency",
        "runtimeRequestTimeout", "shutdownGracePeriod", "shutdownGracePeriodCriticalPods", "streamingConnectionIdleTimeout",
        "syncFrequency", "volumeStatsAggPeriod",
    ];

    public static JsonObject Create()
    {
        var skeleton = new JsonObject
        {
            ["authentication"] = new JsonObject
            {
                ["anonymous"] = new JsonObject(),
                ["webhook"] = new JsonObject { ["cacheTTL"] = ZeroDuration },
                ["x509"] = new JsonObject(),
            },
            ["authorization"] = new JsonObject
            {
                ["webhook"] = new JsonObject { ["cacheAuthorizedTTL"] = ZeroDuration, ["cacheUnauthorizedTTL"] = ZeroDuration },
            },
            ["containerRuntimeEndpoint"] = "",
            ["crashLoopBackOff"] = new JsonObject(),
            ["logging"] = new JsonObject
            {
                ["flushFrequency"] = 0,
                ["options"] = new JsonObject
                {
                    ["json"] = new JsonObject { ["infoBufferSize"] = "0" },
                    ["text"] = new JsonObject { ["infoBufferSize"] = "0" },
                },
                ["verbosity"] = 0,
            },
            ["memorySwap"] = new JsonObject(),
        };
        foreach (var name in TopLevelDurations)
        {
            skeleton[name] = ZeroDuration;
        }

        return skeleton;
    }

    /// <summary>
    /// Lays <paramref name="user"/> over the skeleton (the user's values win, objects merge); a user duration the
    /// skeleton knows is rewritten the way Go prints it ("1m" → "1m0s").
    /// </summary>
    public static JsonObject Overlay(JsonObject skeleton, JsonObject user)
    {
        foreach (var (name, value) in user)
        {
            var existing = skeleton[name];
            skeleton[name] = (existing, value) switch
            {
                (JsonObject inner, JsonObject userInner) => Overlay(Detached(skeleton, name, inner), userInner),
                (JsonValue zero, JsonValue text) when zero.TryGetValue<string>(out var z) && z == ZeroDuration
                    && text.TryGetValue<string>(out var duration) && GoDuration.TryParse(duration, out var parsed)
                    => GoDuration.Format(parsed),
                _ => value?.DeepClone(),
            };
        }

        return skeleton;
    }

    private static JsonObject Detached(JsonObject parent, string name, JsonObject child)
    {
        parent.Remove(name);
        return child;
    }
}
