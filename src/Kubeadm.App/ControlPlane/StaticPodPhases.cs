using System.Collections.Immutable;
using Kubeadm.App.Init;
using Kubeadm.Workflow;

namespace Kubeadm.App.ControlPlane;

/// <summary>The sub-phases of `kubeadm init phase etcd` and `kubeadm init phase control-plane`.</summary>
public static class StaticPodPhases
{
    public static ImmutableArray<Phase<InitContext>> CreateEtcd() =>
    [
        InitPhaseTree.Leaf("local", "Generate the static Pod manifest file for a local, single-node local etcd instance", InitPhaseTree.StaticPods,
            ["cert-dir", "config", "dry-run", "image-repository", "patches"]) with { RunIf = ctx => !ctx.IsExternalEtcd },
    ];

    public static ImmutableArray<Phase<InitContext>> CreateControlPlane()
    {
        var flags = InitPhaseTree.ControlPlaneFlags;
        return
        [
            InitPhaseTree.Leaf("apiserver", "Generates the kube-apiserver static Pod manifest", InitPhaseTree.StaticPods,
                [.. flags, "apiserver-advertise-address", "apiserver-bind-port", "control-plane-endpoint", "feature-gates", "service-cidr"]),
            InitPhaseTree.Leaf("controller-manager", "Generates the kube-controller-manager static Pod manifest", InitPhaseTree.StaticPods,
                [.. flags, "pod-network-cidr"]),
            InitPhaseTree.Leaf("scheduler", "Generates the kube-scheduler static Pod manifest", InitPhaseTree.StaticPods, flags),
        ];
    }
}
