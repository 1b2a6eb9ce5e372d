namespace Kubeadm.Core.Configuration;

/// <summary>Where kubeadm finds patch files for the components it deploys.</summary>
public sealed class Patches
{
    public string Directory { get; set; } = "";
}
