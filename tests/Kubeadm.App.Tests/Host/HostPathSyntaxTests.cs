using Kubeadm.Core.Host;

namespace Kubeadm.App.Tests.Host;

public sealed class HostPathSyntaxTests
{
    [Theory]
    [InlineData("/", "/")]
    [InlineData("/etc/kubernetes/", "/etc/kubernetes")]
    [InlineData("//etc///kubernetes", "/etc/kubernetes")]
    [InlineData("/etc/./kubernetes/pki/..", "/etc/kubernetes")]
    [InlineData("/etc/..", "/")]
    public void Should_ReturnCanonicalPath_When_Normalizing(string path, string expected)
    {
        Assert.Equal(expected, HostPathSyntax.Normalize(path));
    }

    [Theory]
    [InlineData("")]
    [InlineData("etc")]
    [InlineData("/..")]
    [InlineData("/etc/../..")]
    [InlineData("/etc/\0")]
    public void Should_Throw_When_PathInvalid(string path)
    {
        Assert.Throws<ArgumentException>(() => HostPathSyntax.Normalize(path));
    }

    [Fact]
    public void Should_SplitPath_When_AskedForParentAndName()
    {
        Assert.Equal("/etc/kubernetes", HostPathSyntax.GetParent("/etc/kubernetes/admin.conf"));
        Assert.Equal("/", HostPathSyntax.GetParent("/etc"));
        Assert.Null(HostPathSyntax.GetParent("/"));
        Assert.Equal("admin.conf", HostPathSyntax.GetName("/etc/kubernetes/admin.conf"));
        Assert.Equal("/etc", HostPathSyntax.Join("/", "etc"));
        Assert.True(HostPathSyntax.IsSameOrUnder("/etc/kubernetes/pki", "/etc/kubernetes"));
        Assert.False(HostPathSyntax.IsSameOrUnder("/etc/kubernetes-old", "/etc/kubernetes"));
    }
}
