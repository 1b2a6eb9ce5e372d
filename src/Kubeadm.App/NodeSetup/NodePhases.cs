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
        Short = "Mark a node as a control-plane",
        Example = "  # Applies control-plane label and taint to the current node, functionally equivalent to what executed by kubeadm init.\n" +
            "  kubeadm init phase mark-control-plane --config config.yaml\n\n" +
            "  # Applies control-plane label and taint to a specific node\n" +
            "  kubeadm init phase mark-control-plane --node-name myNode",
        InheritFlags = ["config", "dry-run", "node-name"],
        Run = MarkControlPlanePhase.RunAsync,
    };

    public static Phase<InitContext> CreateBootstrapToken() => new()
    {
        Name = "bootstrap-token",
        Aliases = ["bootstraptoken"],
        Short = "Generates bootstrap tokens used to join a node to a cluster",
        Long = "Creates the first bootstrap token and everything joining nodes need to use tokens: the RBAC rules that let token "
            + "holders read nodes, post CSRs and get them approved, client-certificate rotation for nodes, and the cluster-info "
            + "ConfigMap in kube-public that nodes check the token signature on.",
        Example = "  # Set up bootstrap tokens and create the first one, as \"kubeadm init\" does.\n" +
            "  kubeadm init phase bootstrap-token",
        InheritFlags = [.. InitPhaseTree.ClusterApiFlags.Append("skip-token-print").Order(StringComparer.Ordinal)],
        Run = BootstrapTokenPhase.RunAsync,
    };

    public static ImmutableArray<Phase<InitContext>> CreateKubeletFinalize() =>
    [
        new()
        {
            Name = "enable-client-cert-rotation",
            Short = "Enable kubelet client certificate rotation",
            InheritFlags = ["cert-dir", "config", "dry-run"],
            Run = KubeletFinalizePhase.RunAsync,
        },
    ];

    public static Phase<InitContext> CreateShowJoinCommand() => new()
    {
        Name = "show-join-command",
        Short = "Show the join command for control-plane and worker node",
        InheritFlags = [.. InitPhaseTree.ClusterApiFlags.Concat(["skip-certificate-key-print", "skip-token-print"]).Order(StringComparer.Ordinal)],
        Run = ShowJoinCommandPhase.RunAsync,
    };
}
