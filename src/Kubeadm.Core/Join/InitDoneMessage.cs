using System.Text;

namespace Kubeadm.Core.Join;

/// <summary>
/// kubeadm init's closing message, whitespace for whitespace: a leading blank line, the admin.conf instructions, the
/// control-plane join command when there is a controlPlaneEndpoint (worded for --upload-certs or not), then the
/// worker join command unindented, ending with a newline.
/// </summary>
public static class InitDoneMessage
{
    /// <param name="adminKubeconfigPath">The admin kubeconfig for the `sudo cp -i` line (the export line always names /etc/kubernetes/admin.conf, as kubeadm's does).</param>
    /// <param name="hasControlPlaneEndpoint">Whether controlPlaneEndpoint is set; only then is the control-plane command shown.</param>
    /// <param name="uploadCerts">Whether --upload-certs was given (changes the control-plane wording).</param>
    /// <param name="joinControlPlaneCommand">From <see cref="JoinCommand.ControlPlane"/>.</param>
    /// <param name="joinWorkerCommand">From <see cref="JoinCommand.Worker"/>.</param>
    public static string Render(
        string adminKubeconfigPath, bool hasControlPlaneEndpoint, bool uploadCerts, string joinControlPlaneCommand, string joinWorkerCommand)
    {
        var text = new StringBuilder();
        text.Append('\n')
            .Append("Your Kubernetes control-plane has initialized successfully!\n\n")
            .Append("To start using your cluster, you need to run the following as a regular user:\n\n")
            .Append("  mkdir -p $HOME/.kube\n")
            .Append("  sudo cp -i ").Append(adminKubeconfigPath).Append(" $HOME/.kube/config\n")
            .Append("  sudo chown $(id -u):$(id -g) $HOME/.kube/config\n\n")
            .Append("Alternatively, if you are the root user, you can run:\n\n")
            .Append("  export KUBECONFIG=/etc/kubernetes/admin.conf\n\n")
            .Append("You should now deploy a pod network to the cluster.\n")
            .Append("Run \"kubectl apply -f [podnetwork].yaml\" with one of the options listed at:\n")
            .Append("  https://kubernetes.io/docs/concepts/cluster-administration/addons/\n\n");
        if (hasControlPlaneEndpoint && uploadCerts)
        {
            text.Append("You can now join any number of the control-plane node running the following command on each as root:\n\n")
                .Append("  ").Append(joinControlPlaneCommand).Append("\n\n")
                .Append("Please note that the certificate-key gives access to cluster sensitive data, keep it secret!\n")
                .Append("As a safeguard, uploaded-certs will be deleted in two hours; If necessary, you can use\n")
                .Append("\"kubeadm init phase upload-certs --upload-certs\" to reload certs afterward.\n\n");
        }
        else if (hasControlPlaneEndpoint)
        {
            text.Append("You can now join any number of control-plane nodes by copying certificate authorities\n")
                .Append("and service account keys on each node and then running the following as root:\n\n")
                .Append("  ").Append(joinControlPlaneCommand).Append("\n\n");
        }

        text.Append("Then you can join any number of worker nodes by running the following on each as root:\n\n")
            .Append(joinWorkerCommand).Append('\n');
        return text.ToString();
    }
}
