using Kubeadm.Core.Errors;
using Kubeadm.Core.KubeConfig;
using Kubeadm.Core.Upgrade.Apply;

namespace Kubeadm.Core.Tests.Upgrade;

public sealed class KubeletLocalModeRewriteTests
{
    private const string Path = "/etc/kubernetes/kubelet.conf";

    private static k8s.KubeConfigModels.K8SConfiguration KubeletConf(string server, string currentContext = "system:node:n1@kubernetes") =>
        KubeconfigYamlReader.Read(
            $"""
            apiVersion: v1
            kind: Config
            clusters:
            - cluster:
                certificate-authority-data: Zm9v
                server: {server}
              name: kubernetes
            contexts:
            - context:
                cluster: kubernetes
                user: system:node:n1
              name: system:node:n1@kubernetes
            current-context: {currentContext}
            users:
            - name: system:node:n1
              user:
                client-certificate: /var/lib/kubelet/pki/kubelet-client-current.pem
                client-key: /var/lib/kubelet/pki/kubelet-client-current.pem
            """,
            Path);

    [Fact]
    public void The_control_plane_endpoint_moves_to_the_local_api_server_and_nothing_else_changes()
    {
        var conf = KubeletConf("https://cp.example:6443");

        var change = KubeletLocalModeRewrite.Decide(conf, Path, "https://cp.example:6443", "https://10.0.0.1:6443");
        KubeletLocalModeRewrite.Apply(conf, Path, change!);

        Assert.Equal(new KubeletServerChange("https://cp.example:6443", "https://10.0.0.1:6443"), change);
        var written = KubeconfigYamlWriter.Write(conf);
        Assert.Contains("server: https://10.0.0.1:6443", written, StringComparison.Ordinal);
        Assert.Contains("client-certificate: /var/lib/kubelet/pki/kubelet-client-current.pem", written, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://10.0.0.1:6443", "https://cp.example:6443", "https://10.0.0.1:6443")] // already local
    [InlineData("https://lb.other:6443", "https://cp.example:6443", "https://10.0.0.1:6443")] // names something else
    [InlineData("https://10.0.0.1:6443", "https://10.0.0.1:6443", "https://10.0.0.1:6443")] // no controlPlaneEndpoint
    public void Kubelet_conf_stays_when_it_does_not_name_a_distinct_control_plane_endpoint(string server, string controlPlane, string local)
    {
        Assert.Null(KubeletLocalModeRewrite.Decide(KubeletConf(server), Path, controlPlane, local));
    }

    [Fact]
    public void A_current_context_that_does_not_exist_is_kubeadms_error()
    {
        var error = Assert.Throws<KubeadmUserException>(() =>
            KubeletLocalModeRewrite.Decide(KubeletConf("https://cp.example:6443", "nowhere"), Path, "https://cp.example:6443", "https://10.0.0.1:6443"));

        Assert.Equal("cannot find cluster for active context in kubeconfig \"/etc/kubernetes/kubelet.conf\"", error.Message);
    }
}
