using Kubeadm.Core.Configuration.Defaulting;
using Kubeadm.Core.ControlPlane;

namespace Kubeadm.Core.Tests.ControlPlane;

public sealed class EtcdJoinManifestTests
{
    [Fact]
    public void Should_ListEveryMemberAndJoinTheExistingCluster_When_BuiltForAJoin()
    {
        var config = ConfigDefaults.CreateDefault();
        config.Init.NodeRegistration.Name = "cp2";
        config.Init.LocalApiEndpoint.AdvertiseAddress = "10.0.0.2";

        var pod = EtcdPodBuilder.Build(config, existingCluster: [("cp2", "https://10.0.0.2:2380"), ("cp1", "https://10.0.0.1:2380")]);

        var command = pod.Spec.Containers[0].Command;
        Assert.Contains("--initial-cluster=cp2=https://10.0.0.2:2380,cp1=https://10.0.0.1:2380", command);
        Assert.Contains("--initial-cluster-state=existing", command);
        Assert.Contains("--name=cp2", command);
    }

    [Fact]
    public void Should_StartANewSingleMemberCluster_When_BuiltForInit()
    {
        var config = ConfigDefaults.CreateDefault();
        config.Init.NodeRegistration.Name = "cp1";
        config.Init.LocalApiEndpoint.AdvertiseAddress = "10.0.0.1";

        var command = EtcdPodBuilder.Build(config).Spec.Containers[0].Command;

        Assert.Contains("--initial-cluster=cp1=https://10.0.0.1:2380", command);
        Assert.DoesNotContain(command, c => c.StartsWith("--initial-cluster-state", StringComparison.Ordinal));
    }
}
