using System.Text.Json.Nodes;
using Kubeadm.Core.Configuration.Serialization;

namespace Kubeadm.Core.Addons;

/// <summary>
/// What Go writes for an otherwise empty kubeproxy.config.k8s.io/v1alpha1 KubeProxyConfiguration (v1.34 fields): every
/// field without omitempty at its zero value (pointers and lists as null, durations as 0s) and every struct.
/// kubeadm does not apply kube-proxy's own defaults; the component does that when it starts.
/// </summary>
internal static class KubeProxyConfigurationSkeleton
{
    private const string ZeroDuration = "0s";

    /// <summary>The duration fields, by path; a user's value for one is rewritten as Go prints it ("1m" → "1m0s").</summary>
    private static readonly HashSet<string> DurationPaths = new(StringComparer.Ordinal)
    {
        "configSyncPeriod",
        "conntrack.tcpCloseWaitTimeout", "conntrack.tcpEstablishedTimeout", "conntrack.udpStreamTimeout", "conntrack.udpTimeout",
        "iptables.minSyncPeriod", "iptables.syncPeriod",
        "ipvs.minSyncPeriod", "ipvs.syncPeriod", "ipvs.tcpFinTimeout", "ipvs.tcpTimeout", "ipvs.udpTimeout",
        "logging.flushFrequency",
        "nftables.minSyncPeriod", "nftables.syncPeriod",
    };

    public static JsonObject Create() => new()
    {
        ["bindAddress"] = "",
        ["bindAddressHardFail"] = false,
        ["clientConnection"] = new JsonObject
        {
            ["acceptContentTypes"] = "",
            ["burst"] = 0,
            ["contentType"] = "",
            ["kubeconfig"] = "",
            ["qps"] = 0,
        },
        ["clusterCIDR"] = "",
        ["configSyncPeriod"] = ZeroDuration,
        ["conntrack"] = new JsonObject
        {
            ["maxPerCore"] = null,
            ["min"] = null,
            ["tcpBeLiberal"] = false,
            ["tcpCloseWaitTimeout"] = null,
            ["tcpEstablishedTimeout"] = null,
            ["udpStreamTimeout"] = ZeroDuration,
            ["udpTimeout"] = ZeroDuration,
        },
        ["detectLocal"] = new JsonObject { ["bridgeInterface"] = "", ["interfaceNamePrefix"] = "" },
        ["detectLocalMode"] = "",
        ["enableProfiling"] = false,
        ["healthzBindAddress"] = "",
        ["hostnameOverride"] = "",
        ["iptables"] = new JsonObject
        {
            ["localhostNodePorts"] = null,
            ["masqueradeAll"] = false,
            ["masqueradeBit"] = null,
            ["minSyncPeriod"] = ZeroDuration,
            ["syncPeriod"] = ZeroDuration,
        },
        ["ipvs"] = new JsonObject
        {
            ["excludeCIDRs"] = null,
            ["minSyncPeriod"] = ZeroDuration,
            ["scheduler"] = "",
            ["strictARP"] = false,
            ["syncPeriod"] = ZeroDuration,
            ["tcpFinTimeout"] = ZeroDuration,
            ["tcpTimeout"] = ZeroDuration,
            ["udpTimeout"] = ZeroDuration,
        },
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
        ["metricsBindAddress"] = "",
        ["mode"] = "",
        ["nftables"] = new JsonObject
        {
            ["masqueradeAll"] = false,
            ["masqueradeBit"] = null,
            ["minSyncPeriod"] = ZeroDuration,
            ["syncPeriod"] = ZeroDuration,
        },
        ["nodePortAddresses"] = null,
        ["oomScoreAdj"] = null,
        ["portRange"] = "",
        ["showHiddenMetricsForVersion"] = "",
        ["winkernel"] = new JsonObject
        {
            ["enableDSR"] = false,
            ["forwardHealthCheckVip"] = false,
            ["networkName"] = "",
            ["rootHnsEndpointName"] = "",
            ["sourceVip"] = "",
        },
    };

    /// <summary>Lays the user's document over the skeleton: the user's values win and objects merge member by member.</summary>
    public static JsonObject Overlay(JsonObject skeleton, JsonObject user, string path = "")
    {
        foreach (var (name, value) in user)
        {
            var fieldPath = path.Length == 0 ? name : $"{path}.{name}";
            if (skeleton[name] is JsonObject inner && value is JsonObject userInner)
            {
                skeleton.Remove(name);
                skeleton[name] = Overlay(inner, userInner, fieldPath);
                continue;
            }

            skeleton[name] = DurationPaths.Contains(fieldPath) && value is JsonValue text && text.TryGetValue<string>(out var duration)
                && GoDuration.TryParse(duration, out var parsed)
                    ? GoDuration.Format(parsed)
                    : value?.DeepClone();
        }

        return skeleton;
    }
}
