using k8s.Models;
using Kubeadm.Core.ControlPlane;
using Kubeadm.Core.EtcdApi;

namespace Kubeadm.Core.Tests.EtcdApi;

public sealed class EtcdEndpointDiscoveryTests
{
    private static V1Pod Pod(string name, string? url, string component = "etcd") => new()
    {
        Metadata = new V1ObjectMeta
        {
            Name = name,
            Labels = new Dictionary<string, string> { ["component"] = component, ["tier"] = "control-plane" },
            Annotations = url is null ? null : new Dictionary<string, string> { [EtcdPodBuilder.AdvertiseClientUrlsAnnotation] = url },
        },
    };

    [Fact]
    public void Should_ReadEachEtcdPodsAnnotation_And_NamePodsWithoutIt()
    {
        var (endpoints, missing) = EtcdEndpointDiscovery.FromPods(
            [Pod("etcd-a", "https://10.0.0.1:2379"), Pod("kube-apiserver-a", "https://10.0.0.9:2379", "kube-apiserver"), Pod("etcd-b", null), Pod("etcd-c", "https://10.0.0.3:2379")]);

        Assert.Equal(["https://10.0.0.1:2379", "https://10.0.0.3:2379"], endpoints);
        Assert.Equal(["etcd-b"], missing);
    }
}
