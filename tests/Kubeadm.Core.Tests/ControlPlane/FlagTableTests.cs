using Kubeadm.Core.Configuration;
using Kubeadm.Core.ControlPlane;

namespace Kubeadm.Core.Tests.ControlPlane;

public sealed class FlagTableTests
{
    [Fact]
    public void Should_ListKubeadmDefaultFlags_When_SchedulerHasNoExtraArgs()
    {
        Assert.Equal(
        [
            "--authentication-kubeconfig=/etc/kubernetes/scheduler.conf",
            "--authorization-kubeconfig=/etc/kubernetes/scheduler.conf",
            "--bind-address=127.0.0.1",
            "--kubeconfig=/etc/kubernetes/scheduler.conf",
            "--leader-elect=true",
        ], SchedulerPodBuilder.Command(ManifestScenarios.Config().Cluster));
    }

    [Fact]
    public void Should_AllocateNodeCidrs_When_PodSubnetIsSet()
    {
        var cluster = ManifestScenarios.Config(c => c.Cluster.Networking.PodSubnet = "10.244.0.0/16").Cluster;
        var command = ControllerManagerPodBuilder.Command(cluster, usingExternalCa: false);
        Assert.Contains("--allocate-node-cidrs=true", command);
        Assert.Contains("--cluster-cidr=10.244.0.0/16", command);
        Assert.Contains("--service-cluster-ip-range=10.96.0.0/12", command);
    }

    [Fact]
    public void Should_LeaveNodeCidrsToTheNetworkPlugin_When_PodSubnetIsEmpty()
    {
        var command = ControllerManagerPodBuilder.Command(ManifestScenarios.Config().Cluster, usingExternalCa: false);
        Assert.DoesNotContain(command, flag => flag.StartsWith("--allocate-node-cidrs") || flag.StartsWith("--cluster-cidr"));
        Assert.DoesNotContain(command, flag => flag.StartsWith("--service-cluster-ip-range"));
    }

    [Fact]
    public void Should_PassEmptySigningFiles_When_CaKeyIsAbsent()
    {
        var command = ControllerManagerPodBuilder.Command(ManifestScenarios.Config().Cluster, usingExternalCa: true);
        Assert.Contains("--cluster-signing-cert-file=", command);
        Assert.Contains("--cluster-signing-key-file=", command);
    }

    [Fact]
    public void Should_UseLocalEtcdAdvertiseUrls_When_EtcdExtraArgsSetThem()
    {
        var config = ManifestScenarios.Config(c => c.Cluster.Etcd.Local = new LocalEtcd { ExtraArgs = [new("advertise-client-urls", "https://10.0.0.1:2379")] });
        Assert.Contains("--etcd-servers=https://10.0.0.1:2379", ApiServerPodBuilder.Command(config));
    }

    [Fact]
    public void Should_DropAuthorizationMode_When_AuthorizationConfigIsGiven()
    {
        var config = ManifestScenarios.Config(c => c.Cluster.ApiServer.ExtraArgs = [new("authorization-config", "/etc/kubernetes/authz.yaml")]);
        var command = ApiServerPodBuilder.Command(config);
        Assert.DoesNotContain(command, flag => flag.StartsWith("--authorization-mode="));
        Assert.Contains("--authorization-config=/etc/kubernetes/authz.yaml", command);
    }

    [Fact]
    public void Should_WarnButKeepTheUserValue_When_AuthorizationModeHasUnknownModes()
    {
        // kubeadm filters the modes into its default, but the user's extra argument then replaces that default.
        var warnings = new List<string>();
        var config = ManifestScenarios.Config(c => c.Cluster.ApiServer.ExtraArgs = [new("authorization-mode", "RBAC,Bogus")]);
        Assert.Contains("--authorization-mode=RBAC,Bogus", ApiServerPodBuilder.Command(config, warnings.Add));
        Assert.Equal(
        [
            "ignoring unknown kube-apiserver authorization-mode \"Bogus\"",
            "the default kube-apiserver authorization-mode is \"Node,RBAC\"; using \"RBAC\"",
        ], warnings);
    }

    [Fact]
    public void Should_SendCertFilesOnlyInPairs_When_ExternalEtcdHasNoClientKey()
    {
        var config = ManifestScenarios.Config(c => c.Cluster.Etcd = new global::Kubeadm.Core.Configuration.Etcd
        {
            External = new ExternalEtcd { Endpoints = ["https://e:2379"], CaFile = "/ca.crt", CertFile = "/c.crt" },
        });
        var command = ApiServerPodBuilder.Command(config);
        Assert.Contains("--etcd-cafile=/ca.crt", command);
        Assert.DoesNotContain(command, flag => flag.StartsWith("--etcd-certfile") || flag.StartsWith("--etcd-keyfile"));
    }

    [Theory]
    [InlineData("", "127.0.0.1")]
    [InlineData("0.0.0.0", "")]
    [InlineData("::", "")]
    [InlineData("10.1.2.3", "10.1.2.3")]
    public void Should_ChooseApiServerProbeHost_When_AdvertiseAddressVaries(string advertise, string expected) =>
        Assert.Equal(expected, ApiServerPodBuilder.ProbeHost(advertise));
}
