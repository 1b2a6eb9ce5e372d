namespace Kubeadm.Core.Configuration;

/// <summary>The CoreDNS addon: image overrides and whether kubeadm installs it.</summary>
public sealed class Dns
{
    public string ImageRepository { get; set; } = "";

    public string ImageTag { get; set; } = "";

    public bool Disabled { get; set; }
}
