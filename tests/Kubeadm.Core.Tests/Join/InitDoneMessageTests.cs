using Kubeadm.Core.Join;

namespace Kubeadm.Core.Tests.Join;

public sealed class InitDoneMessageTests
{
    private const string Head = """

        Your Kubernetes control-plane has initialized successfully!

        To start using your cluster, you need to run the following as a regular user:

          mkdir -p $HOME/.kube
          sudo cp -i /etc/kubernetes/admin.conf $HOME/.kube/config
          sudo chown $(id -u):$(id -g) $HOME/.kube/config

        Alternatively, if you are the root user, you can run:

          export KUBECONFIG=/etc/kubernetes/admin.conf

        You should now deploy a pod network to the cluster.
        Run "kubectl apply -f [podnetwork].yaml" with one of the options listed at:
          https://kubernetes.io/docs/concepts/cluster-administration/addons/


        """;

    private const string Worker = "kubeadm join cp.example:6443 --token abcdef.0123456789abcdef \\\n\t--discovery-token-ca-cert-hash sha256:aaaa ";
    private const string ControlPlane = Worker + "\\\n\t--control-plane --certificate-key k";

    private const string WorkerTail = "Then you can join any number of worker nodes by running the following on each as root:\n\n" + Worker + "\n";

    [Fact]
    public void Should_ShowOnlyTheWorkerCommand_When_ThereIsNoControlPlaneEndpoint()
    {
        var text = InitDoneMessage.Render("/etc/kubernetes/admin.conf", hasControlPlaneEndpoint: false, uploadCerts: true, ControlPlane, Worker);

        Assert.Equal(Head.ReplaceLineEndings("\n") + WorkerTail, text);
    }

    [Fact]
    public void Should_WarnAboutTheCertificateKey_When_CertificatesWereUploaded()
    {
        var text = InitDoneMessage.Render("/etc/kubernetes/admin.conf", hasControlPlaneEndpoint: true, uploadCerts: true, ControlPlane, Worker);

        Assert.Equal(
            Head.ReplaceLineEndings("\n")
            + "You can now join any number of the control-plane node running the following command on each as root:\n\n"
            + "  " + ControlPlane + "\n\n"
            + "Please note that the certificate-key gives access to cluster sensitive data, keep it secret!\n"
            + "As a safeguard, uploaded-certs will be deleted in two hours; If necessary, you can use\n"
            + "\"kubeadm init phase upload-certs --upload-certs\" to reload certs afterward.\n\n"
            + WorkerTail,
            text);
    }

    [Fact]
    public void Should_AskToCopyTheCertificates_When_CertificatesWereNotUploaded()
    {
        var text = InitDoneMessage.Render("/tmp/admin.conf", hasControlPlaneEndpoint: true, uploadCerts: false, ControlPlane, Worker);

        Assert.Equal(
            Head.ReplaceLineEndings("\n").Replace("sudo cp -i /etc/kubernetes/admin.conf", "sudo cp -i /tmp/admin.conf", StringComparison.Ordinal)
            + "You can now join any number of control-plane nodes by copying certificate authorities\n"
            + "and service account keys on each node and then running the following as root:\n\n"
            + "  " + ControlPlane + "\n\n"
            + WorkerTail,
            text);
    }
}
