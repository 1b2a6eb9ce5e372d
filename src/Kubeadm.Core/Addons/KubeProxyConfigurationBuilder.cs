using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Kubeadm.Core.Configuration;
using Kubeadm.Core.Configuration.Serialization;

namespace Kubeadm.Core.Addons;

/// <summary>
/// The KubeProxyConfiguration kubeadm uploads in the kube-proxy ConfigMap: the user's document, if any, with the
/// fields kubeadm defaults filled in (bind address by the advertise address's family, cluster CIDR from the pod
/// subnet, the kubeconfig path the DaemonSet mounts) and every other field as Go marshals it. A user's value that
/// differs from kubeadm's recommendation is kept, with kubeadm's warning.
/// </summary>
public static class KubeProxyConfigurationBuilder
{
    public const string ApiVersion = "kubeproxy.config.k8s.io/v1alpha1";
    public const string Kind = "KubeProxyConfiguration";
    public const string KubeconfigPath = "/var/lib/kube-proxy/kubeconfig.conf";
    public const string Ipv4BindAddress = "0.0.0.0";
    public const string Ipv6BindAddress = "::";

    /// <summary>True when the configuration carries the user's own KubeProxyConfiguration document.</summary>
    public static bool IsUserSupplied(KubeadmConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return config.ComponentConfigs.Exists(doc => doc.Kind == Kind);
    }

    /// <param name="config">The defaulted kubeadm configuration, with any KubeProxyConfiguration document.</param>
    /// <param name="warn">Receives kubeadm's "The recommended value for …" warnings.</param>
    public static JsonObject Build(KubeadmConfig config, Action<string> warn)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(warn);
        var user = config.ComponentConfigs.LastOrDefault(doc => doc.Kind == Kind)?.Content.DeepClone() as JsonObject ?? [];
        var proxy = KubeProxyConfigurationSkeleton.Overlay(KubeProxyConfigurationSkeleton.Create(), user);
        proxy["apiVersion"] = ApiVersion;
        proxy["kind"] = Kind;

        void Recommend(string field, string recommended, string provided) =>
            warn($"The recommended value for \"{field}\" in \"{Kind}\" is: {recommended}; the provided value is: {provided}");

        var bindAddress = BindAddressFor(config.Init.LocalApiEndpoint.AdvertiseAddress);
        var userBindAddress = Text(proxy["bindAddress"]);
        if (userBindAddress.Length == 0)
        {
            proxy["bindAddress"] = bindAddress;
        }
        else if (userBindAddress != bindAddress)
        {
            Recommend("bindAddress", bindAddress, userBindAddress);
        }

        var podSubnet = config.Cluster.Networking.PodSubnet;
        var userClusterCidr = Text(proxy["clusterCIDR"]);
        if (userClusterCidr.Length == 0 && podSubnet.Length > 0)
        {
            proxy["clusterCIDR"] = podSubnet;
        }
        else if (podSubnet.Length > 0 && userClusterCidr != podSubnet)
        {
            Recommend("clusterCIDR", podSubnet, userClusterCidr);
        }

        var clientConnection = (JsonObject)proxy["clientConnection"]!;
        var userKubeconfig = Text(clientConnection["kubeconfig"]);
        if (userKubeconfig.Length == 0)
        {
            clientConnection["kubeconfig"] = KubeconfigPath;
        }
        else if (userKubeconfig != KubeconfigPath)
        {
            Recommend("clientConnection.kubeconfig", KubeconfigPath, userKubeconfig);
        }

        // kubeadm always sets featureGates, but Go leaves an empty map out of the YAML.
        if (proxy["featureGates"] is JsonObject { Count: 0 })
        {
            proxy.Remove("featureGates");
        }

        return proxy;
    }

    /// <summary>The YAML text (Go's key order, ending with a newline).</summary>
    public static string ToYaml(JsonObject proxyConfiguration) => JsonYamlWriter.Write(proxyConfiguration);

    /// <summary>0.0.0.0 for an IPv4 advertise address, :: for anything else (as kubeadm decides it).</summary>
    public static string BindAddressFor(string advertiseAddress) =>
        IPAddress.TryParse(advertiseAddress, out var address)
        && (address.AddressFamily == AddressFamily.InterNetwork || address.IsIPv4MappedToIPv6)
            ? Ipv4BindAddress
            : Ipv6BindAddress;

    private static string Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : "";
}
