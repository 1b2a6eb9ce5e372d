using Kubeadm.Core.Configuration;
using Kubeadm.Core.Upgrade;

namespace Kubeadm.Core.Tests.Upgrade;

public sealed class AdvertisedEndpointTests
{
    private const string Manifest =
        "apiVersion: v1\nkind: Pod\nmetadata:\n  annotations:\n"
        + "    kubeadm.kubernetes.io/kube-apiserver.advertise-address.endpoint: \"[fd00::5]:6443\"\n  name: kube-apiserver\n";

    [Fact]
    public void Should_TakeAddressAndPort_When_TheManifestCarriesTheAnnotation()
    {
        var endpoint = new ApiEndpoint { AdvertiseAddress = "10.0.0.1", BindPort = 1 };

        AdvertisedEndpoint.Adopt(endpoint, Manifest);

        Assert.Equal(("fd00::5", 6443), (endpoint.AdvertiseAddress, endpoint.BindPort));
    }

    [Theory]
    [InlineData("apiVersion: v1\nkind: Pod\nmetadata:\n  name: kube-apiserver\n")]
    [InlineData("metadata: [unclosed\n")]
    [InlineData("metadata:\n  annotations:\n    kubeadm.kubernetes.io/kube-apiserver.advertise-address.endpoint: 10.0.0.9\n")]
    public void Should_LeaveTheEndpoint_When_TheAnnotationIsMissingOrUnreadable(string manifest)
    {
        var endpoint = new ApiEndpoint { AdvertiseAddress = "10.0.0.1", BindPort = 1 };

        AdvertisedEndpoint.Adopt(endpoint, manifest);

        Assert.Equal(("10.0.0.1", 1), (endpoint.AdvertiseAddress, endpoint.BindPort));
    }
}
