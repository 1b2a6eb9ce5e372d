using Kubeadm.App.Init;
using Kubeadm.Workflow;

namespace Kubeadm.App.Kubelet;

/// <summary>`kubeadm init phase kubelet-start`: write the kubelet's settings and (re)start it.</summary>
public static class KubeletStartPhase
{
    public static Phase<InitContext> Create() => new()
    {
        Name = "kubelet-start",
        Short = "Write kubelet settings and (re)start the kubelet",
        Long = "Write a file with KubeletConfiguration and an environment file with node specific kubelet settings, and then (re)start kubelet.",
        Example = "  # Writes a dynamic environment file with kubelet flags from a InitConfiguration file.\n" +
            "  kubeadm init phase kubelet-start --config config.yaml",
        InheritFlags = ["config", "cri-socket", "dry-run", "image-repository", "node-name", "patches"],
        Run = KubeletStarter.RunAsync,
    };
}
