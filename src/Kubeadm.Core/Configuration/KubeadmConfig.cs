namespace Kubeadm.Core.Configuration;

/// <summary>Everything one config file (or the defaults) says: the two kubeadm documents and any component configs.</summary>
public sealed class KubeadmConfig
{
    public InitConfiguration Init { get; set; } = new();

    public ClusterConfiguration Cluster { get; set; } = new();

    public List<ComponentConfigDocument> ComponentConfigs { get; set; } = [];

    /// <summary>Our addition: --security-profile, or a SecurityProfile document beside the kubeadm ones.</summary>
    public Security.SecurityProfile SecurityProfile { get; set; }
}
