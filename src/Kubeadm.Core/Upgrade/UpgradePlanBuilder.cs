namespace Kubeadm.Core.Upgrade;

/// <summary>Turns the offered upgrades into the plan's component rows, in kubeadm's order.</summary>
public static class UpgradePlanBuilder
{
    public const string Kubelet = "kubelet";
    public const string KubeApiServer = "kube-apiserver";
    public const string KubeControllerManager = "kube-controller-manager";
    public const string KubeScheduler = "kube-scheduler";
    public const string KubeProxy = "kube-proxy";
    public const string CoreDns = "CoreDNS";
    public const string Kubeadm = "kubeadm";
    public const string Etcd = "etcd";

    public static UpgradePlan Build(IReadOnlyList<UpgradeOption> upgrades, IReadOnlyList<ComponentConfigVersionState> configVersions)
    {
        ArgumentNullException.ThrowIfNull(upgrades);
        ArgumentNullException.ThrowIfNull(configVersions);
        return new UpgradePlan([.. upgrades.Select(Available)], configVersions);
    }

    private static AvailableUpgradePlan Available(UpgradeOption upgrade)
    {
        var target = upgrade.After.KubeVersion;
        var rows = new List<ComponentUpgradePlan>();
        if (upgrade.CanUpgradeKubelets)
        {
            rows.AddRange(PerNode(Kubelet, upgrade.Before.KubeletVersions, target));
        }

        rows.AddRange(PerNode(KubeApiServer, upgrade.Before.KubeApiServerVersions, target));
        rows.AddRange(PerNode(KubeControllerManager, upgrade.Before.KubeControllerManagerVersions, target));
        rows.AddRange(PerNode(KubeScheduler, upgrade.Before.KubeSchedulerVersions, target));

        // kube-proxy runs as a DaemonSet of the cluster's version; kubeadm reports it cluster-wide at the API server version.
        rows.Add(new ComponentUpgradePlan(KubeProxy, upgrade.Before.KubeVersion, target, ""));
        if (upgrade.Before.DnsVersion.Length > 0 || upgrade.After.DnsVersion.Length > 0)
        {
            rows.Add(new ComponentUpgradePlan(CoreDns, upgrade.Before.DnsVersion, upgrade.After.DnsVersion, ""));
        }

        if (upgrade.Before.KubeadmVersion.Length > 0 || upgrade.After.KubeadmVersion.Length > 0)
        {
            rows.Add(new ComponentUpgradePlan(Kubeadm, upgrade.Before.KubeadmVersion, upgrade.After.KubeadmVersion, ""));
        }

        rows.AddRange(PerNode(Etcd, upgrade.Before.EtcdVersions, upgrade.After.EtcdVersion));
        return new AvailableUpgradePlan(upgrade.Description, rows);
    }

    private static IEnumerable<ComponentUpgradePlan> PerNode(string name, NodeVersions versions, string target) =>
        versions.Versions.SelectMany(version => versions.NodesAt(version).Select(node => new ComponentUpgradePlan(name, version, target, node)));
}
