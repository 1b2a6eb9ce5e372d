using k8s.Models;
using Kubeadm.Core.BootstrapTokens;

namespace Kubeadm.Core.Tests.BootstrapTokens;

public sealed class BootstrapTokenRbacTests
{
    private const string BootstrapGroup = "system:bootstrappers:kubeadm:default-node-token";

    public static TheoryData<string, string, string, string> ClusterBindings() => new()
    {
        { "kubeadm:get-nodes", "kubeadm:get-nodes", "Group", BootstrapGroup },
        { "kubeadm:kubelet-bootstrap", "system:node-bootstrapper", "Group", BootstrapGroup },
        { "kubeadm:node-autoapprove-bootstrap", "system:certificates.k8s.io:certificatesigningrequests:nodeclient", "Group", BootstrapGroup },
        { "kubeadm:node-autoapprove-certificate-rotation", "system:certificates.k8s.io:certificatesigningrequests:selfnodeclient", "Group", "system:nodes" },
    };

    [Theory]
    [MemberData(nameof(ClusterBindings))]
    public void Should_BindTheRightClusterRoleToTheRightSubject_When_BuildingClusterRoleBindings(string name, string role, string kind, string subject)
    {
        var binding = new[]
        {
            BootstrapTokenRbac.GetNodesBinding(), BootstrapTokenRbac.KubeletBootstrapBinding(),
            BootstrapTokenRbac.AutoApproveBootstrapBinding(), BootstrapTokenRbac.AutoApproveCertificateRotationBinding(),
        }.Single(b => b.Metadata.Name == name);

        Assert.Equal(("rbac.authorization.k8s.io", "ClusterRole", role), (binding.RoleRef.ApiGroup, binding.RoleRef.Kind, binding.RoleRef.Name));
        var only = Assert.Single(binding.Subjects);
        Assert.Equal((kind, subject, (string?)null), (only.Kind, only.Name, only.ApiGroup));
    }

    [Fact]
    public void Should_AllowOnlyGettingNodes_When_BuildingTheGetNodesClusterRole()
    {
        var rule = Assert.Single(BootstrapTokenRbac.GetNodesClusterRole().Rules);

        Assert.Equal(["get"], rule.Verbs);
        Assert.Equal([""], rule.ApiGroups);
        Assert.Equal(["nodes"], rule.Resources);
        Assert.Null(rule.ResourceNames);
    }

    [Fact]
    public void Should_LetAnonymousGetOnlyClusterInfo_When_BuildingTheClusterInfoRole()
    {
        var role = BootstrapTokenRbac.ClusterInfoRole();
        var binding = BootstrapTokenRbac.ClusterInfoRoleBinding();

        Assert.Equal(("kube-public", "kubeadm:bootstrap-signer-clusterinfo"), (role.Metadata.NamespaceProperty, role.Metadata.Name));
        var rule = Assert.Single(role.Rules);
        Assert.Equal(["get"], rule.Verbs);
        Assert.Equal([""], rule.ApiGroups);
        Assert.Equal(["configmaps"], rule.Resources);
        Assert.Equal(["cluster-info"], rule.ResourceNames);
        Assert.Equal(("kube-public", "kubeadm:bootstrap-signer-clusterinfo"), (binding.Metadata.NamespaceProperty, binding.Metadata.Name));
        Assert.Equal(("Role", "kubeadm:bootstrap-signer-clusterinfo"), (binding.RoleRef.Kind, binding.RoleRef.Name));
        var subject = Assert.Single(binding.Subjects);
        Assert.Equal(("User", "system:anonymous"), (subject.Kind, subject.Name));
    }
}
