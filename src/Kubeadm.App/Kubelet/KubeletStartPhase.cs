using Kubeadm.App.Init;
using Kubeadm.Workflow;

namespace Kubeadm.App.Kubelet;

/// <summary>`kubeadm init phase kubelet-start`: write the kubelet's settings and (re)start it.</summary>
public static class KubeletStartPhase
{
    public static Phase<InitContext> Create() => new()
    {
        Name = "kubelet-start",
        Short = "Write the kubelet's configuration and start (or restart) it",
        Long = "Writes the kubelet's configuration (/var/lib/kubelet/config.yaml) and its per-node flags (/var/lib/kubelet/kubeadm-flags.env), then starts or restarts the kubelet service.",
        Example = "  kubeadm init phase kubelet-start --config config.yaml",
        InheritFlags = ["config", "cri-socket", "dry-run", "image-repository", "node-name", "patches"],
        Run = KubeletStarter.RunAsync,
    };
}
