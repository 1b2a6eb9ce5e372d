using Kubeadm.App.Init;
using Kubeadm.Workflow;

namespace Kubeadm.App.Kubelet;

/// <summary>`kubeadm init phase kubelet-start`: write the kubelet's settings and (re)start it.</summary>
public static class KubeletStartPhase
{
    public static Phase<InitContext> Create() =>
        InitPhaseTree.Leaf("kubelet-start", "Write kubelet settings and (re)start the kubelet", InitPhaseTree.StaticPods,
            ["config", "cri-socket", "dry-run", "image-repository", "node-name", "patches"]);
}
