using System.Collections.Immutable;
using Kubeadm.App.Init;
using Kubeadm.Workflow;

namespace Kubeadm.App.NodeSetup;

/// <summary>mark-control-plane, bootstrap-token, kubelet-finalize and show-join-command.</summary>
public static class NodePhases
{
    public static Phase<InitContext> CreateMarkControlPlane() => new()
    {
        Name = "mark-control-plane",
        Short = "Label and taint the node as control plane",
        Long = "Adds the node-role.kubernetes.io/control-plane label and the NoSchedule taint of the same name (or the taints of the configuration) to this node.",
        InheritFlags = ["config", "dry-run", "node-name"],
        Run = MarkControlPlanePhase.RunAsync,
    };

    public static Phase<InitContext> CreateBootstrapToken() => new()
    {
        Name = "bootstrap-token",
        Aliases = ["bootstraptoken"],
        Short = "Create the first bootstrap token and the rules that let nodes join with tokens",
        Long = "Creates the first bootstrap token and everything joining nodes need to use tokens: the RBAC rules that let token "
            + "holders read nodes, post CSRs and get them approved, client-certificate rotation for nodes, and the cluster-info "
            + "ConfigMap in kube-public that nodes check the token signature on.",
        InheritFlags = [.. InitPhaseTree.ClusterApiFlags.Append("skip-token-print").Order(StringComparer.Ordinal)],
        Run = BootstrapTokenPhase.RunAsync,
    };

    public static ImmutableArray<Phase<InitContext>> CreateKubeletFinalize() =>
    [
        new()
        {
            Name = "enable-client-cert-rotation",
            Short = "Point the kubelet's kubeconfig at its rotating client certificate",
            InheritFlags = ["cert-dir", "config", "dry-run"],
            Run = KubeletFinalizePhase.RunAsync,
        },
    ];

    public static Phase<InitContext> CreateShowJoinCommand() => new()
    {
        Name = "show-join-command",
        Short = "Print the \"kubeadm join\" commands for more control-plane and worker nodes",
        InheritFlags = [.. InitPhaseTree.ClusterApiFlags.Concat(["skip-certificate-key-print", "skip-token-print"]).Order(StringComparer.Ordinal)],
        Run = ShowJoinCommandPhase.RunAsync,
    };
}
