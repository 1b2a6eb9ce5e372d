using System.Collections.Immutable;
using Kubeadm.Workflow;

namespace Kubeadm.App.Upgrade;

/// <summary>The phases of `kubeadm upgrade apply` and `kubeadm upgrade node` in 1.34, with kubeadm's names and flags (help in our words).</summary>
public static class UpgradePhaseTree
{
    public static ImmutableArray<Phase<UpgradeContext>> CreateApply() =>
    [
        new()
        {
            Name = "preflight",
            Short = "Check the node, the cluster and the version jump before upgrading",
            Long = "Checks that this runs as root, that the cluster is healthy, that the target version is allowed (version skew; some findings only pass with --force), that CoreDNS's configuration can be migrated, asks for confirmation unless --yes, and pulls the new images.",
            InheritFlags = Flags(["config", "kubeconfig", "dry-run", "ignore-preflight-errors", "allow-experimental-upgrades",
                "allow-release-candidate-upgrades", "force", "yes"]),
            Run = UpgradePreflightPhase.RunApplyAsync,
        },
        ControlPlane("Replace etcd and the control-plane static Pods with the new version's"),
        Group("upload-config", "Store the upgraded kubeadm and kubelet configuration in the cluster", "Store both configurations",
        [
            Leaf("kubeadm", "Store the ClusterConfiguration in the kubeadm-config ConfigMap", ["config", "kubeconfig", "dry-run"], UpgradeClusterPhases.UploadKubeadmConfigAsync),
            Leaf("kubelet", "Store the KubeletConfiguration in the kubelet-config ConfigMap", ["config", "kubeconfig", "dry-run"], UpgradeClusterPhases.UploadKubeletConfigAsync),
        ]),
        Kubeconfig(UpgradeKubeconfigPhase.RunApplyAsync),
        KubeletConfig(),
        Leaf("bootstrap-token", "Bring the RBAC rules for bootstrap tokens and cluster-info up to date", ["config", "kubeconfig", "dry-run"], UpgradeClusterPhases.BootstrapTokenAsync),
        Addon(),
        PostUpgrade(),
    ];

    public static ImmutableArray<Phase<UpgradeContext>> CreateNode() =>
    [
        new()
        {
            Name = "preflight",
            Short = "Check this node before upgrading it",
            Long = "Checks that this runs as root and, on a control-plane node, pulls the new images.",
            InheritFlags = Flags(["config", "ignore-preflight-errors"]),
            Run = UpgradePreflightPhase.RunNodeAsync,
        },
        ControlPlane("On a control-plane node, replace etcd and the control-plane static Pods; elsewhere nothing"),
        Kubeconfig(UpgradeKubeconfigPhase.RunNodeAsync),
        KubeletConfig(),
        Addon(),
        PostUpgrade(),
    ];

    private static Phase<UpgradeContext> ControlPlane(string shortHelp) =>
        Leaf("control-plane", shortHelp, ["config", "kubeconfig", "dry-run", "certificate-renewal", "etcd-upgrade", "patches"], ControlPlaneUpgradePhase.RunAsync);

    /// <summary>Hidden, as kubeadm's: left out of the phase list and of `phase` sub-commands; --skip-phases kubeconfig skips it.</summary>
    private static Phase<UpgradeContext> Kubeconfig(Func<UpgradeContext, CancellationToken, Task> run) =>
        Leaf("kubeconfig", "On a control-plane node, point kubelet.conf at this node's own API server", ["config", "dry-run", "kubeconfig"], run) with { Hidden = true };

    private static Phase<UpgradeContext> KubeletConfig() =>
        Leaf("kubelet-config", "Rewrite this node's kubelet configuration for the new version (old file backed up)", ["config", "kubeconfig", "dry-run", "patches"], UpgradeClusterPhases.KubeletConfigAsync);

    private static Phase<UpgradeContext> Addon() =>
        Group("addon", "Update the CoreDNS and kube-proxy addons", "Update both addons",
        [
            Leaf("coredns", "Update CoreDNS, migrating its Corefile", ["config", "kubeconfig", "dry-run", "patches"], UpgradeClusterPhases.CoreDnsAsync),
            Leaf("kube-proxy", "Update kube-proxy", ["config", "kubeconfig", "dry-run", "patches"], UpgradeClusterPhases.KubeProxyAsync),
        ]);

    private static Phase<UpgradeContext> PostUpgrade() =>
        Leaf("post-upgrade", "Finish the upgrade (record that it completed)", ["config", "kubeconfig", "dry-run"], UpgradeClusterPhases.PostUpgradeAsync);

    private static Phase<UpgradeContext> Group(string name, string shortHelp, string allHelp, ImmutableArray<Phase<UpgradeContext>> children) => new()
    {
        Name = name,
        Short = shortHelp,
        Children = ImmutableArray.Create(new Phase<UpgradeContext>
        {
            Name = "all",
            Short = allHelp,
            RunAllSiblings = true,
            InheritFlags = Flags([.. children.SelectMany(c => c.InheritFlags)]),
        }).AddRange(children),
    };

    private static Phase<UpgradeContext> Leaf(string name, string shortHelp, string[] flags, Func<UpgradeContext, CancellationToken, Task> run) => new()
    {
        Name = name,
        Short = shortHelp,
        InheritFlags = Flags(flags),
        Run = run,
    };

    private static ImmutableArray<string> Flags(IEnumerable<string> flags) => [.. flags.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
}
