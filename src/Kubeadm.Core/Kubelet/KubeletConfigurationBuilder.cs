using System.Text.Json.Nodes;
using Kubeadm.Core.Configuration;
using Kubeadm.Core.Constants;

namespace Kubeadm.Core.Kubelet;

/// <summary>
/// The KubeletConfiguration kubeadm writes to /var/lib/kubelet/config.yaml (before --patches): the user's document,
/// if any, with kubeadm's defaults filled in and every other field as Go marshals it. Where the user chose a value
/// other than the one kubeadm recommends, kubeadm keeps it and warns (only rotateCertificates is forced).
/// </summary>
public static class KubeletConfigurationBuilder
{
    public const string ApiVersion = "kubelet.config.k8s.io/v1beta1";
    public const string Kind = "KubeletConfiguration";
    public const string SystemdResolverConfig = "/run/systemd/resolve/resolv.conf";
    public const string HealthzBindAddress = "127.0.0.1";
    public const string CgroupDriverSystemd = "systemd";
    public const string AuthorizationModeWebhook = "Webhook";

    /// <param name="config">The defaulted kubeadm configuration, with any KubeletConfiguration document.</param>
    /// <param name="systemdResolvedActive">Whether the systemd-resolved service runs (kubeadm then points resolvConf at it).</param>
    /// <param name="warn">Receives kubeadm's "The recommended value for …" warnings.</param>
    public static JsonObject Build(KubeadmConfig config, bool systemdResolvedActive, Action<string> warn)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(warn);
        var user = config.ComponentConfigs.LastOrDefault(doc => doc.Kind == Kind)?.Content.DeepClone() as JsonObject ?? [];
        var kubelet = KubeletConfigurationSkeleton.Overlay(KubeletConfigurationSkeleton.Create(), user);
        kubelet["apiVersion"] = ApiVersion;
        kubelet["kind"] = Kind;
        ApplyKubeadmDefaults(kubelet, config.Cluster, systemdResolvedActive, (field, recommended, provided) =>
            warn($"The recommended value for \"{field}\" in \"{Kind}\" is: {recommended}; the provided value is: {provided}"));

        if (config.SecurityProfile == Security.SecurityProfile.Cis)
        {
            HardenForCis(kubelet, warn);
        }

        // featureGates is always set by kubeadm, but an empty map is omitted when Go writes the file.
        if (kubelet["featureGates"] is JsonObject { Count: 0 })
        {
            kubelet.Remove("featureGates");
        }

        return kubelet;
    }

    private static void ApplyKubeadmDefaults(JsonObject kubelet, ClusterConfiguration cluster, bool systemdResolvedActive, Action<string, string, string> warn)
    {
        var authentication = (JsonObject)kubelet["authentication"]!;
        var authorization = (JsonObject)kubelet["authorization"]!;

        DefaultString(kubelet, "staticPodPath", KubeadmConstants.ManifestsDir, warn);

        var clusterDns = ClusterDnsAddress.For(cluster.Networking.ServiceSubnet);
        if (kubelet["clusterDNS"] is not { } userDns)
        {
            kubelet["clusterDNS"] = new JsonArray(clusterDns);
        }
        else if (userDns is not JsonArray { Count: 1 } single || Text(single[0]) != clusterDns)
        {
            warn("clusterDNS", $"[{clusterDns}]", GoValue(userDns));
        }

        var userDomain = Text(kubelet["clusterDomain"]);
        if (userDomain.Length == 0)
        {
            kubelet["clusterDomain"] = cluster.Networking.DnsDomain;
        }
        else if (cluster.Networking.DnsDomain.Length > 0 && userDomain != cluster.Networking.DnsDomain)
        {
            warn("clusterDomain", cluster.Networking.DnsDomain, userDomain);
        }

        var certificatesDir = cluster.CertificatesDir.Length > 0 ? cluster.CertificatesDir : KubeadmConstants.DefaultCertificatesDir;
        DefaultString(Child(authentication, "x509"), "clientCAFile", certificatesDir.TrimEnd('/') + "/ca.crt", warn, "authentication.x509.clientCAFile");
        DefaultBool(Child(authentication, "anonymous"), "enabled", false, warn, "authentication.anonymous.enabled");
        DefaultString(authorization, "mode", AuthorizationModeWebhook, warn, "authorization.mode");
        DefaultBool(Child(authentication, "webhook"), "enabled", true, warn, "authentication.webhook.enabled");
        DefaultString(kubelet, "healthzBindAddress", HealthzBindAddress, warn);

        if (kubelet["healthzPort"] is not { } port)
        {
            kubelet["healthzPort"] = KubeadmConstants.KubeletHealthzPort;
        }
        else if (GoValue(port) != KubeadmConstants.KubeletHealthzPort.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            warn("healthzPort", KubeadmConstants.KubeletHealthzPort.ToString(System.Globalization.CultureInfo.InvariantCulture), GoValue(port));
        }

        if (kubelet["readOnlyPort"] is { } readOnlyPort && GoValue(readOnlyPort) != "0")
        {
            warn("readOnlyPort", "0", GoValue(readOnlyPort));
        }

        kubelet["rotateCertificates"] = true;
        if (Text(kubelet["cgroupDriver"]).Length == 0)
        {
            kubelet["cgroupDriver"] = CgroupDriverSystemd;
        }

        if (systemdResolvedActive)
        {
            // kubeadm compares two fresh pointers here, so any user-set resolvConf is warned about, even the same path.
            if (kubelet["resolvConf"] is { } resolvConf)
            {
                warn("resolvConf", SystemdResolverConfig, GoValue(resolvConf));
            }
            else
            {
                kubelet["resolvConf"] = SystemdResolverConfig;
            }
        }
    }

    /// <summary>
    /// The CIS profile: the kubelet asks the cluster CA for its serving certificate (a kubelet-serving CSR) instead of
    /// signing its own, so the API server can verify kubelets with --kubelet-certificate-authority.
    /// </summary>
    private static void HardenForCis(JsonObject kubelet, Action<string> warn)
    {
        if (kubelet["serverTLSBootstrap"] is JsonValue chosen && (!chosen.TryGetValue<bool>(out var enabled) || !enabled))
        {
            warn($"security profile \"cis\": keeping serverTLSBootstrap: {GoValue(chosen)} from the {Kind}; the API server's --kubelet-certificate-authority then cannot verify this kubelet's self-signed serving certificate");
            return;
        }

        kubelet["serverTLSBootstrap"] = true;
    }

    private static void DefaultString(JsonObject owner, string name, string recommended, Action<string, string, string> warn, string? path = null)
    {
        var value = Text(owner[name]);
        if (value.Length == 0)
        {
            owner[name] = recommended;
        }
        else if (value != recommended)
        {
            warn(path ?? name, recommended, value);
        }
    }

    private static void DefaultBool(JsonObject owner, string name, bool recommended, Action<string, string, string> warn, string path)
    {
        if (owner[name] is not JsonValue value)
        {
            owner[name] = recommended;
        }
        else if (!value.TryGetValue<bool>(out var chosen) || chosen != recommended)
        {
            warn(path, recommended ? "true" : "false", GoValue(value));
        }
    }

    private static JsonObject Child(JsonObject owner, string name)
    {
        if (owner[name] is JsonObject child)
        {
            return child;
        }

        child = [];
        owner[name] = child;
        return child;
    }

    private static string Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : "";

    /// <summary>A value as Go's %v prints it: strings bare, lists as <c>[a b]</c>.</summary>
    private static string GoValue(JsonNode? node) => node switch
    {
        null => "<nil>",
        JsonArray list => "[" + string.Join(' ', list.Select(GoValue)) + "]",
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        _ => node.ToJsonString(),
    };
}
