using System.Collections.Immutable;
using Kubeadm.App.Init;
using Kubeadm.Workflow;

namespace Kubeadm.App.NodeSetup;

/// <summary>mark-control-plane, bootstrap-token, kubelet-finalize and show-join-command.</summary>
public static class NodePhases
{
    public static Phase<InitContext> CreateMarkControlPlane() =>
        InitPhaseTree.Leaf("mark-control-plane", "Mark a node as a control-plane", InitPhaseTree.ClusterPhases, ["config", "dry-run", "node-name"]);

    public static Phase<InitContext> CreateBootstrapToken() =>
        InitPhaseTree.Leaf("bootstrap-token", "Generates bootstrap tokens used to join a node to a cluster", InitPhaseTree.ClusterPhases,
            [.. InitPhaseTree.ClusterApiFlags, "skip-token-print"]);

    public static ImmutableArray<Phase<InitContext>> CreateKubeletFinalize() =>
    [
        InitPhaseTree.Leaf("enable-client-cert-rotation", "Enable kubelet client certificate rotation", InitPhaseTree.ClusterPhases,
            ["cert-dir", "config", "dry-run"]),
    ];

    public static Phase<InitContext> CreateShowJoinCommand() =>
        InitPhaseTree.Leaf("show-join-command", "Show the join command for control-plane and worker node", InitPhaseTree.ClusterPhases,
            [.. InitPhaseTree.ClusterApiFlags, "skip-certificate-key-print", "skip-token-print"]);
}
