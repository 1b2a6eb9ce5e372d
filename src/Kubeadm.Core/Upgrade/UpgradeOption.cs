namespace Kubeadm.Core.Upgrade;

/// <summary>The versions on one side of an upgrade (kubeadm's ClusterState).</summary>
public sealed record ClusterVersionState
{
    /// <summary>The newest API server version (before), or the target (after).</summary>
    public required string KubeVersion { get; init; }

    public string DnsVersion { get; init; } = "";

    public required string KubeadmVersion { get; init; }

    /// <summary>The etcd version to move to (after only; "" for an external etcd).</summary>
    public string EtcdVersion { get; init; } = "";

    public NodeVersions KubeApiServerVersions { get; init; } = NodeVersions.Empty;

    public NodeVersions KubeControllerManagerVersions { get; init; } = NodeVersions.Empty;

    public NodeVersions KubeSchedulerVersions { get; init; } = NodeVersions.Empty;

    public NodeVersions EtcdVersions { get; init; } = NodeVersions.Empty;

    public NodeVersions KubeletVersions { get; init; } = NodeVersions.Empty;
}

/// <summary>One upgrade kubeadm can offer ("version in the v1.33 series", "stable version", …).</summary>
public sealed record UpgradeOption(string Description, ClusterVersionState Before, ClusterVersionState After)
{
    /// <summary>Whether any kubelet would change: several versions now, or one that differs from the target.</summary>
    public bool CanUpgradeKubelets =>
        Before.KubeletVersions.Count > 1
        || (Before.KubeletVersions.Count == 1 && !Before.KubeletVersions.Contains(After.KubeVersion));
}
