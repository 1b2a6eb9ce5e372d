using Kubeadm.Core.Constants;
using Kubeadm.Core.Errors;
using Kubeadm.Core.Upgrade;

namespace Kubeadm.Core.Tests.Upgrade;

public sealed class UpgradeTargetVersionTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Should_BeThisKubeadmsVersion_When_NoVersionIsGiven(string? argument)
    {
        Assert.Equal(KubeadmVersion.Current, UpgradeTargetVersion.Resolve(argument, out var warning));
        Assert.Null(warning);
    }

    [Fact]
    public void Should_AddTheVPrefix_When_AnExactVersionIsGiven()
    {
        Assert.Equal("v1.34.1", UpgradeTargetVersion.Resolve("1.34.1", out var warning));
        Assert.Null(warning);
    }

    [Theory]
    [InlineData("stable")]
    [InlineData("stable-1")]
    [InlineData("latest-1.34")]
    public void Should_ResolveLabelsOfflineWithAWarning_AsInitDoes(string label)
    {
        Assert.Equal(KubeadmVersion.Current, UpgradeTargetVersion.Resolve(label, out var warning));
        Assert.Contains(label, warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Refuse_When_TheArgumentIsNotAVersion() =>
        Assert.Throws<ValidationException>(() => UpgradeTargetVersion.Resolve("one.two", out _));

    [Theory]
    [InlineData("registry.k8s.io/kube-apiserver:v1.33.5", "v1.33.5")]
    [InlineData("localhost:5000/k8s/etcd:3.6.5-0", "3.6.5-0")]
    [InlineData("registry.k8s.io/kube-apiserver:v1.34.0_build.1", "v1.34.0+build.1")]
    [InlineData("localhost:5000/kube-apiserver", "")]
    [InlineData("registry.k8s.io/etcd:3.5.24-0@sha256:abcd", "3.5.24-0")]
    public void Should_ReadTheVersionFromTheImageTag(string image, string version) =>
        Assert.Equal(version, ImageVersion.FromImage(image));
}
