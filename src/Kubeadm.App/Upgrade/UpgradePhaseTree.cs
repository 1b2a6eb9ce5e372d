using System.Collections.Immutable;
using Kubeadm.Workflow;

namespace Kubeadm.App.Upgrade;

/// <summary>The phases of `kubeadm upgrade apply` and `kubeadm upgrade node` in 1.34, with kubeadm's names, help and flags.</summary>
public static class UpgradePhaseTree
{
    public static ImmutableArray<Phase<UpgradeContext>> CreateApply() =>
    [
        new()
        {
            Name = "preflight",
            Short = "Run preflight checks before upgrade",
            Long = "Run preflight checks for kubeadm upgrade apply.",
            InheritFlags = Flags(["config", "kubeconfig", "dry-run", "ignore-preflight-errors", "allow-experimental-upgrades",
                "allow-release-candidate-upgrades", "force", "yes"]),
            Run = UpgradePreflightPhase.RunApplyAsync,
        },
        ControlPlane("Upgrade the control plane"),
        Group("upload-config", "Upload the kubeadm and kubelet configurations to ConfigMaps", "Upload all the configurations to ConfigMaps",
        [
            Leaf("kubeadm", "Upload the kubeadm ClusterConfiguration to a ConfigMap", ["config", "kubeconfig", "dry-run"], UpgradeClusterPhases.UploadKubeadmConfigAsync),
            Leaf("kubelet", "Upload the kubelet configuration to a ConfigMap", ["config", "kubeconfig", "dry-run"], UpgradeClusterPhases.UploadKubeletConfigAsync),
        ]),
        Kubeconfig(UpgradeKubeconfigPhase.RunApplyAsync),
        KubeletConfig(),
        Leaf("bootstrap-token", "Configures bootstrap token and cluster-info RBAC rules", ["config", "kubeconfig", "dry-run"], UpgradeClusterPhases.BootstrapTokenAsync),
        Addon(),
        PostUpgrade(),
    ];

    public static ImmutableArray<Phase<UpgradeContext>> CreateNode() =>
    [
        new()
        {
            Name = "preflight",
            Short = "Run upgrade node pre-flight checks",
            Long = "Run pre-flight checks for kubeadm upgrade node.",
            InheritFlags = Flags(["config", "ignore-preflight-errors"]),
            Run = UpgradePreflightPhase.RunNodeAsync,
        },
        ControlPlane("Upgrade the control plane instance deployed on this node, if any"),
        Kubeconfig(UpgradeKubeconfigPhase.RunNodeAsync),
        KubeletConfig(),
        Addon(),
        PostUpgrade(),
    ];

    private static Phase<UpgradeContext> ControlPlane(string shortHelp) =>
        Leaf("control-plane", shortHelp, ["config", "kubeconfig", "dry-run", "certificate-renewal", "etcd-upgrade", "patches"], ControlPlaneUpgradePhase.RunAsync);

    /// <summary>Hidden, as kubeadm's: left out of the phase list and of `phase` sub-commands; --skip-phases kubeconfig skips it.</summary>
    private static Phase<UpgradeContext> Kubeconfig(Func<UpgradeContext, CancellationToken, Task> run) =>
        Leaf("kubeconfig", "Upgrade kubeconfig files for this node", ["config", "dry-run", "kubeconfig"], run) with { Hidden = true };

    private static Phase<UpgradeContext> KubeletConfig() =>
        Leaf("kubelet-config", "Upgrade the kubelet configuration for this node", ["config", "kubeconfig", "dry-run", "patches"], UpgradeClusterPhases.KubeletConfigAsync);

    private static Phase<UpgradeContext> Addon() =>
        Group("addon", "Upgrade the default kubeadm addons", "Upgrade all the addons",
        [
            Leaf("coredns", "Upgrade the CoreDNS addon", ["config", "kubeconfig", "dry-run", "patches"], UpgradeClusterPhases.CoreDnsAsync),
            Leaf("kube-proxy", "Upgrade the kube-proxy addon", ["config", "kubeconfig", "dry-run", "patches"], UpgradeClusterPhases.KubeProxyAsync),
        ]);

    private static Phase<UpgradeContext> PostUpgrade() =>
        Leaf("post-upgrade", "Run post upgrade tasks", ["config", "kubeconfig", "dry-run"], UpgradeClusterPhases.PostUpgradeAsync);

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
