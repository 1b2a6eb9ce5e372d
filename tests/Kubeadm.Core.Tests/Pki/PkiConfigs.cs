using Kubeadm.Core.Configuration;
using Kubeadm.Core.Configuration.Defaulting;

namespace Kubeadm.Core.Tests.Pki;

/// <summary>Defaulted configurations for the PKI tests: node "n1" advertising 10.0.0.1 unless changed.</summary>
internal static class PkiConfigs
{
    public static KubeadmConfig SingleNode(Action<KubeadmConfig>? change = null)
    {
        var config = ConfigDefaults.CreateDefault();
        config.Init.NodeRegistration.Name = "n1";
        config.Init.LocalApiEndpoint.AdvertiseAddress = "10.0.0.1";
        change?.Invoke(config);
        ConfigDefaults.Apply(config);
        return config;
    }
}
