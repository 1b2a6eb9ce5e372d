using System.Text.Json.Nodes;
using Kubeadm.Core.Configuration;
using Kubeadm.Core.Configuration.Defaulting;
using Kubeadm.Core.Constants;

namespace Kubeadm.Core.Tests.Kubelet;

/// <summary>Defaulted configurations for the kubelet tests: node "node-a" on host "node-a" with containerd.</summary>
internal static class KubeletConfigs
{
    public static KubeadmConfig Default(Action<KubeadmConfig>? change = null)
    {
        var config = ConfigDefaults.CreateDefault();
        config.Cluster.KubernetesVersion = "v1.34.2";
        config.Init.NodeRegistration.Name = "node-a";
        config.Init.NodeRegistration.CriSocket = KubeadmConstants.DefaultCriSocket;
        change?.Invoke(config);
        ConfigDefaults.Apply(config);
        return config;
    }

    public static void AddKubeletDocument(KubeadmConfig config, string json) =>
        config.ComponentConfigs.Add(new ComponentConfigDocument(
            "kubelet.config.k8s.io/v1beta1", "KubeletConfiguration", (JsonObject)JsonNode.Parse(json.Replace('\'', '"'))!));
}
