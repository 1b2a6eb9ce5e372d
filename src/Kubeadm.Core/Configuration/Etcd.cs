namespace Kubeadm.Core.Configuration;

/// <summary>etcd settings: exactly one of local and external (local is the default).</summary>
public sealed class Etcd
{
    public LocalEtcd? Local { get; set; }

    public ExternalEtcd? External { get; set; }
}
