namespace Kubeadm.Core.Upgrade;

/// <summary>
/// What the cluster runs, as kubeadm's version getter sees it: per control-plane component the image versions of the
/// static Pods' mirror Pods (by node), each Node's kubelet version, and the CoreDNS image tag ("" when there is no
/// DNS Deployment). No etcd Pods means an external etcd.
/// </summary>
public sealed record ClusterComponentVersions
{
    public required NodeVersions KubeApiServer { get; init; }

    public required NodeVersions KubeControllerManager { get; init; }

    public required NodeVersions KubeScheduler { get; init; }

    public required NodeVersions Etcd { get; init; }

    public required NodeVersions Kubelet { get; init; }

    public string DnsVersion { get; init; } = "";
}
