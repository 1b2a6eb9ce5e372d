using Kubeadm.Core.KubeConfig;

namespace Kubeadm.Core.Tests.KubeConfig;

public sealed class KubeconfigCatalogueTests
{
    [Fact]
    public void Should_ListFilesInKubeadmPhaseOrder_When_Enumerated()
    {
        Assert.Equal(["admin", "super-admin", "kubelet", "controller-manager", "scheduler"], KubeconfigCatalogue.All.Select(f => f.PhaseName));
        Assert.Equal(
            ["admin.conf", "super-admin.conf", "kubelet.conf", "controller-manager.conf", "scheduler.conf"],
            KubeconfigCatalogue.All.Select(f => f.FileName));
    }

    [Theory]
    [InlineData("admin", "kubernetes-admin", "kubeadm:cluster-admins", KubeconfigServerKind.ControlPlaneEndpoint)]
    [InlineData("super-admin", "kubernetes-super-admin", "system:masters", KubeconfigServerKind.ControlPlaneEndpoint)]
    [InlineData("kubelet", "system:node:node-1", "system:nodes", KubeconfigServerKind.ControlPlaneEndpoint)]
    [InlineData("controller-manager", "system:kube-controller-manager", null, KubeconfigServerKind.LocalEndpoint)]
    [InlineData("scheduler", "system:kube-scheduler", null, KubeconfigServerKind.LocalEndpoint)]
    public void Should_CarryKubeadmIdentity_When_FileIs(string phase, string user, string? organization, KubeconfigServerKind server)
    {
        var file = KubeconfigCatalogue.All.Single(f => f.PhaseName == phase);

        Assert.Equal(user, file.ClientName("node-1"));
        Assert.Equal(organization is null ? [] : [organization], file.Organizations);
        Assert.Equal(server, file.Server);
        Assert.StartsWith($"Write {file.FileName}: ", file.LongHelp, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_UseNodeNameOnlyForKubelet_When_NamingUsers() =>
        Assert.Equal(["kubelet"], KubeconfigCatalogue.All.Where(f => f.UserIsPerNode).Select(f => f.PhaseName));
}
