namespace Kubeadm.Core.Configuration;

/// <summary>The local API server endpoint (localAPIEndpoint).</summary>
public sealed class ApiEndpoint
{
    /// <summary>Empty means "detect from the default-route interface".</summary>
    public string AdvertiseAddress { get; set; } = "";

    /// <summary>0 means unset (defaulted to 6443).</summary>
    public int BindPort { get; set; }
}
