using k8s.KubeConfigModels;
using Kubeadm.Core.BootstrapTokens;
using Kubeadm.Core.Errors;

namespace Kubeadm.Core.Tests.BootstrapTokens;

public sealed class ClusterInfoConfigMapTests
{
    private static K8SConfiguration Admin(string currentContext = "kubernetes-admin@kubernetes") => new()
    {
        Clusters =
        [
            new Cluster { Name = "other", ClusterEndpoint = new ClusterEndpoint { Server = "https://10.9.9.9:6443", CertificateAuthorityData = "T1RIRVI=" } },
            new Cluster { Name = "kubernetes", ClusterEndpoint = new ClusterEndpoint { Server = "https://10.0.0.1:6443", CertificateAuthorityData = "Q0E=" } },
        ],
        Contexts = [new Context { Name = "kubernetes-admin@kubernetes", ContextDetails = new ContextDetails { Cluster = "kubernetes", User = "kubernetes-admin" } }],
        Users = [new User { Name = "kubernetes-admin", UserCredentials = new UserCredentials { ClientKeyData = "S0VZ" } }],
        CurrentContext = currentContext,
    };

    [Fact]
    public void Should_HoldOnlyTheCurrentClusterNamedEmpty_When_BuiltFromAdminConf()
    {
        var configMap = ClusterInfoConfigMap.Create(Admin(), "/etc/kubernetes/admin.conf");

        Assert.Equal(("kube-public", "cluster-info"), (configMap.Metadata.NamespaceProperty, configMap.Metadata.Name));
        Assert.Equal(
            """
            apiVersion: v1
            clusters:
            - cluster:
                certificate-authority-data: Q0E=
                server: https://10.0.0.1:6443
              name: ""
            contexts: null
            current-context: ""
            kind: Config
            preferences: {}
            users: null

            """.ReplaceLineEndings("\n"),
            Assert.Single(configMap.Data).Value);
    }

    [Fact]
    public void Should_NameTheMissingContext_When_AdminConfHasNoSuchContext()
    {
        var error = Assert.Throws<KubeadmUserException>(() => ClusterInfoConfigMap.Create(Admin("nope"), "/etc/kubernetes/admin.conf"));

        Assert.Contains("\"nope\" does not exist", error.Message);
    }
}
