namespace Kubeadm.Core.Configuration;

/// <summary>The kube-proxy addon: whether kubeadm installs it.</summary>
public sealed class Proxy
{
    public bool Disabled { get; set; }
}
