using System.Collections.Immutable;
using Kubeadm.App.Init;
using Kubeadm.Workflow;

namespace Kubeadm.App.KubeConfig;

/// <summary>The sub-phases of `kubeadm init phase kubeconfig`, in kubeadm's order.</summary>
public static class KubeconfigPhases
{
    public static ImmutableArray<Phase<InitContext>> Create()
    {
        var kubeconfig = new InitPhaseTree.Capability("kubeconfig file generation", "PKI and kubeconfig phases");
        var flags = InitPhaseTree.KubeconfigFlags;
        return
        [
            InitPhaseTree.Leaf("admin", "Generate a kubeconfig file for the admin to use and for kubeadm itself", kubeconfig, flags),
            InitPhaseTree.Leaf("super-admin", "Generate a kubeconfig file for the super-admin", kubeconfig, flags),
            InitPhaseTree.Leaf("kubelet", "Generate a kubeconfig file for the kubelet to use *only* for cluster bootstrapping purposes", kubeconfig,
                [.. flags, "node-name"]),
            InitPhaseTree.Leaf("controller-manager", "Generate a kubeconfig file for the controller manager to use", kubeconfig, flags),
            InitPhaseTree.Leaf("scheduler", "Generate a kubeconfig file for the scheduler to use", kubeconfig, flags),
        ];
    }
}
