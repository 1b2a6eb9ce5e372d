namespace Kubeadm.Core.Configuration;

/// <summary>The v1beta4 timeouts; a null value is unset and gets its default.</summary>
public sealed class Timeouts
{
    public TimeSpan? ControlPlaneComponentHealthCheck { get; set; }

    public TimeSpan? KubeletHealthCheck { get; set; }

    public TimeSpan? KubernetesApiCall { get; set; }

    public TimeSpan? EtcdApiCall { get; set; }

    public TimeSpan? TlsBootstrap { get; set; }

    public TimeSpan? Discovery { get; set; }

    public TimeSpan? UpgradeManifests { get; set; }
}
