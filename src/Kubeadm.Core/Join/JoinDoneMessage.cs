using System.Text;

namespace Kubeadm.Core.Join;

/// <summary>kubeadm join's closing message, for a worker or for a new control-plane instance.</summary>
public static class JoinDoneMessage
{
    public static string Worker() =>
        "\nThis node has joined the cluster:\n" +
        "* Certificate signing request was sent to apiserver and a response was received.\n" +
        "* The Kubelet was informed of the new secure connection details.\n\n" +
        "Run 'kubectl get nodes' on the control-plane to see this node join the cluster.\n\n";

    /// <param name="stackedEtcd">Whether a local etcd member was added (with external etcd that line stays empty).</param>
    public static string ControlPlane(bool stackedEtcd)
    {
        var text = new StringBuilder();
        text.Append("\nThis node has joined the cluster and a new control plane instance was created:\n\n")
            .Append("* Certificate signing request was sent to apiserver and approval was received.\n")
            .Append("* The Kubelet was informed of the new secure connection details.\n")
            .Append("* Control plane label and taint were applied to the new node.\n")
            .Append("* The Kubernetes control plane instances scaled up.\n")
            .Append(stackedEtcd ? "* A new etcd member was added to the local/stacked etcd cluster.\n" : "\n")
            .Append("\nTo start administering your cluster from this node, you need to run the following as a regular user:\n\n")
            .Append("\tmkdir -p $HOME/.kube\n")
            .Append("\tsudo cp -i /etc/kubernetes/admin.conf $HOME/.kube/config\n")
            .Append("\tsudo chown $(id -u):$(id -g) $HOME/.kube/config\n\n")
            .Append("Run 'kubectl get nodes' to see this node join the cluster.\n\n");
        return text.ToString();
    }
}
