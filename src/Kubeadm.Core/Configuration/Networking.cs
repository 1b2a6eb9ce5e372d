namespace Kubeadm.Core.Configuration;

/// <summary>Cluster networking: service and pod CIDRs (comma-separated for dual-stack) and the DNS domain.</summary>
public sealed class Networking
{
    public string ServiceSubnet { get; set; } = "";

    public string PodSubnet { get; set; } = "";

    public string DnsDomain { get; set; } = "";
}
