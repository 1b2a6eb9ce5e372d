using System.Collections.Immutable;
using Kubeadm.App.Init;
using Kubeadm.Workflow;

namespace Kubeadm.App.Addons;

/// <summary>The sub-phases of `kubeadm init phase addon`.</summary>
public static class AddonPhases
{
    public static ImmutableArray<Phase<InitContext>> Create() =>
    [
        InitPhaseTree.Leaf("coredns", "Install the CoreDNS addon to a Kubernetes cluster", InitPhaseTree.ClusterPhases,
            [.. InitPhaseTree.AddonFlags, "feature-gates", "service-cidr", "service-dns-domain"]),
        InitPhaseTree.Leaf("kube-proxy", "Install the kube-proxy addon to a Kubernetes cluster", InitPhaseTree.ClusterPhases,
            [.. InitPhaseTree.AddonFlags, "apiserver-advertise-address", "apiserver-bind-port", "control-plane-endpoint", "pod-network-cidr"]),
    ];
}
