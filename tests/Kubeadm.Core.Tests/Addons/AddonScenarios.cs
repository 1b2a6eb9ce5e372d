using System.Text.Json.Nodes;
using Kubeadm.Core.Configuration;
using Kubeadm.Core.Configuration.Defaulting;

namespace Kubeadm.Core.Tests.Addons;

/// <summary>The configurations the golden addon objects are rendered from: node "n1" advertising 10.0.0.1 unless changed.</summary>
internal static class AddonScenarios
{
    public static KubeadmConfig Config(Action<KubeadmConfig>? change = null)
    {
        var config = ConfigDefaults.CreateDefault();
        config.Cluster.KubernetesVersion = "v1.34.2";
        config.Init.NodeRegistration.Name = "n1";
        config.Init.LocalApiEndpoint.AdvertiseAddress = "10.0.0.1";
        change?.Invoke(config);
        ConfigDefaults.Apply(config);
        return config;
    }

    /// <summary>A custom DNS domain, service subnet (dual-stack, IPv4 first) and pod subnet.</summary>
    public static void CustomNetworking(KubeadmConfig config)
    {
        config.Cluster.Networking.DnsDomain = "corp.example";
        config.Cluster.Networking.ServiceSubnet = "172.20.0.0/16,fd00:20::/108";
        config.Cluster.Networking.PodSubnet = "10.244.0.0/16";
    }

    /// <summary>A private registry, a control-plane endpoint with its own port, and a CoreDNS tag override.</summary>
    public static void CustomImages(KubeadmConfig config)
    {
        config.Cluster.ImageRepository = "registry.corp.example/k8s";
        config.Cluster.ControlPlaneEndpoint = "api.corp.example:8443";
        config.Cluster.Dns.ImageTag = "v1.12.0";
    }

    public static void Ipv6(KubeadmConfig config)
    {
        config.Init.LocalApiEndpoint.AdvertiseAddress = "fd00::10";
        config.Cluster.Networking.ServiceSubnet = "fd00:10:96::/112";
        config.Cluster.Networking.PodSubnet = "fd00:10:244::/56";
    }

    /// <summary>A user KubeProxyConfiguration: ipvs mode, a duration Go re-prints, feature gates, a different cluster CIDR.</summary>
    public static void UserProxyConfiguration(KubeadmConfig config)
    {
        config.Cluster.Networking.PodSubnet = "192.168.0.0/16";
        config.ComponentConfigs.Add(new ComponentConfigDocument(
            "kubeproxy.config.k8s.io/v1alpha1",
            "KubeProxyConfiguration",
            new JsonObject
            {
                ["apiVersion"] = "kubeproxy.config.k8s.io/v1alpha1",
                ["kind"] = "KubeProxyConfiguration",
                ["mode"] = "ipvs",
                ["clusterCIDR"] = "10.10.0.0/16",
                ["featureGates"] = new JsonObject { ["NFTablesProxyMode"] = true },
                ["ipvs"] = new JsonObject { ["scheduler"] = "rr", ["syncPeriod"] = "1m", ["strictARP"] = true },
                ["conntrack"] = new JsonObject { ["maxPerCore"] = 0, ["tcpEstablishedTimeout"] = "24h" },
                ["metricsBindAddress"] = "0.0.0.0:10249",
            }));
    }
}
