namespace Kubeadm.Core.Configuration;

/// <summary>Settings shared by the control-plane static pods.</summary>
public class ControlPlaneComponent
{
    public List<Arg> ExtraArgs { get; set; } = [];

    public List<HostPathMount> ExtraVolumes { get; set; } = [];

    public List<EnvVar> ExtraEnvs { get; set; } = [];
}
