using Kubeadm.Core.Configuration;
using Kubeadm.Core.Kubelet;

namespace Kubeadm.Core.Tests.Kubelet;

public sealed class KubeletFlagsTests
{
    [Fact]
    public void Should_WriteOnlyThePauseImage_When_NodeLocalCriSocketIsOnAndNodeIsNamedAfterTheHost()
    {
        Assert.Equal(
            "KUBELET_KUBEADM_ARGS=\"--pod-infra-container-image=registry.k8s.io/pause:3.10.1\"\n",
            KubeletFlags.EnvFile(KubeletConfigs.Default(), "node-a"));
    }

    [Fact]
    public void Should_AddTheCriEndpoint_When_NodeLocalCriSocketIsOff()
    {
        var config = KubeletConfigs.Default(c => c.Cluster.FeatureGates["NodeLocalCRISocket"] = false);

        Assert.Equal(
            "KUBELET_KUBEADM_ARGS=\"--container-runtime-endpoint=unix:///var/run/containerd/containerd.sock --pod-infra-container-image=registry.k8s.io/pause:3.10.1\"\n",
            KubeletFlags.EnvFile(config, "node-a"));
    }

    [Fact]
    public void Should_OverrideTheHostName_When_NodeNameDiffersFromTheHost()
    {
        var config = KubeletConfigs.Default(c => c.Cluster.ImageRepository = "my.registry/k8s");

        Assert.Equal(
            "KUBELET_KUBEADM_ARGS=\"--hostname-override=node-a --pod-infra-container-image=my.registry/k8s/pause:3.10.1\"\n",
            KubeletFlags.EnvFile(config, "other-host"));
    }

    [Fact]
    public void Should_ReplaceKubeadmFlags_And_SortTheMergedListByName_When_KubeletExtraArgsAreGiven()
    {
        var config = KubeletConfigs.Default(c => c.Init.NodeRegistration.KubeletExtraArgs =
        [
            new Arg("pod-infra-container-image", "mirror/pause:1"),
            new Arg("node-ip", "10.0.0.7"),
            new Arg("pod-infra-container-image", "mirror/pause:2"),
            new Arg("hostname-override", "custom"),
        ]);

        Assert.Equal(
            ["--hostname-override=custom", "--node-ip=10.0.0.7", "--pod-infra-container-image=mirror/pause:1", "--pod-infra-container-image=mirror/pause:2"],
            KubeletFlags.Command(config, "node-a"));
    }

    [Fact]
    public void Should_InterleaveUserFlagsWithKubeadmFlagsByName_When_BothAreGiven()
    {
        var config = KubeletConfigs.Default(c =>
        {
            c.Cluster.FeatureGates["NodeLocalCRISocket"] = false;
            c.Init.NodeRegistration.KubeletExtraArgs = [new Arg("v", "4"), new Arg("node-labels", "b=2"), new Arg("cgroup-driver", "cgroupfs"), new Arg("node-labels", "a=1")];
        });

        Assert.Equal(
            "KUBELET_KUBEADM_ARGS=\"--cgroup-driver=cgroupfs --container-runtime-endpoint=unix:///var/run/containerd/containerd.sock --node-labels=b=2 --node-labels=a=1 --pod-infra-container-image=registry.k8s.io/pause:3.10.1 --v=4\"\n",
            KubeletFlags.EnvFile(config, "node-a"));
    }

    [Fact]
    public void Should_QuoteLikeGo_When_ValuesHoldQuotesOrBackslashes()
    {
        var config = KubeletConfigs.Default(c => c.Init.NodeRegistration.KubeletExtraArgs = [new Arg("node-labels", "a=\"b\"\\c\té")]);

        Assert.Contains("\"--node-labels=a=\\\"b\\\"\\\\c\\té --pod-infra", KubeletFlags.EnvFile(config, "node-a"));
    }

    [Fact]
    public void Should_WriteTheQuotedCriSocket_When_InstanceConfigIsBuilt()
    {
        Assert.Equal("containerRuntimeEndpoint: \"unix:///var/run/crio/crio.sock\"\n", KubeletInstanceConfig.Content("unix:///var/run/crio/crio.sock"));
    }
}
