namespace Kubeadm.Core.Configuration;

/// <summary>An etcd cluster kubeadm does not manage; the client certificate files must be given.</summary>
public sealed class ExternalEtcd
{
    public List<string> Endpoints { get; set; } = [];

    public string CaFile { get; set; } = "";

    public string CertFile { get; set; } = "";

    public string KeyFile { get; set; } = "";
}
