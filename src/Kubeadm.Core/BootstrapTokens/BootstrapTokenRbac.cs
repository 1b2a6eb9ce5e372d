using k8s.Models;

namespace Kubeadm.Core.BootstrapTokens;

/// <summary>
/// The RBAC objects the bootstrap-token phase creates so that nodes can join with a bootstrap token: read nodes, post
/// CSRs, have those CSRs (and later rotations) approved automatically, and read the kube-public cluster-info ConfigMap
/// anonymously. Subjects name no apiGroup, as kubeadm sends them (the API server defaults it).
/// </summary>
public static class BootstrapTokenRbac
{
    public const string NodeBootstrapTokenAuthGroup = "system:bootstrappers:kubeadm:default-node-token";
    public const string NodesGroup = "system:nodes";
    public const string AnonymousUser = "system:anonymous";
    public const string GetNodesName = "kubeadm:get-nodes";
    public const string KubeletBootstrapBindingName = "kubeadm:kubelet-bootstrap";
    public const string NodeBootstrapperClusterRole = "system:node-bootstrapper";
    public const string AutoApproveBootstrapBindingName = "kubeadm:node-autoapprove-bootstrap";
    public const string CsrAutoApprovalClusterRole = "system:certificates.k8s.io:certificatesigningrequests:nodeclient";
    public const string AutoApproveCertificateRotationBindingName = "kubeadm:node-autoapprove-certificate-rotation";
    public const string SelfCsrAutoApprovalClusterRole = "system:certificates.k8s.io:certificatesigningrequests:selfnodeclient";
    public const string ClusterInfoRoleName = "kubeadm:bootstrap-signer-clusterinfo";
    public const string PublicNamespace = "kube-public";

    private const string RbacGroup = "rbac.authorization.k8s.io";

    /// <summary>ClusterRole kubeadm:get-nodes: get on core nodes.</summary>
    public static V1ClusterRole GetNodesClusterRole() => new()
    {
        Metadata = new V1ObjectMeta { Name = GetNodesName },
        Rules = [new V1PolicyRule { Verbs = ["get"], ApiGroups = [""], Resources = ["nodes"] }],
    };

    public static V1ClusterRoleBinding GetNodesBinding() => ClusterBinding(GetNodesName, GetNodesName, "Group", NodeBootstrapTokenAuthGroup);

    public static V1ClusterRoleBinding KubeletBootstrapBinding() =>
        ClusterBinding(KubeletBootstrapBindingName, NodeBootstrapperClusterRole, "Group", NodeBootstrapTokenAuthGroup);

    public static V1ClusterRoleBinding AutoApproveBootstrapBinding() =>
        ClusterBinding(AutoApproveBootstrapBindingName, CsrAutoApprovalClusterRole, "Group", NodeBootstrapTokenAuthGroup);

    public static V1ClusterRoleBinding AutoApproveCertificateRotationBinding() =>
        ClusterBinding(AutoApproveCertificateRotationBindingName, SelfCsrAutoApprovalClusterRole, "Group", NodesGroup);

    /// <summary>Role kube-public/kubeadm:bootstrap-signer-clusterinfo: get on the cluster-info ConfigMap only.</summary>
    public static V1Role ClusterInfoRole() => new()
    {
        Metadata = new V1ObjectMeta { Name = ClusterInfoRoleName, NamespaceProperty = PublicNamespace },
        Rules = [new V1PolicyRule { Verbs = ["get"], ApiGroups = [""], Resources = ["configmaps"], ResourceNames = [ClusterInfoConfigMap.Name] }],
    };

    /// <summary>The RoleBinding that lets anyone, unauthenticated, read cluster-info.</summary>
    public static V1RoleBinding ClusterInfoRoleBinding() => new()
    {
        Metadata = new V1ObjectMeta { Name = ClusterInfoRoleName, NamespaceProperty = PublicNamespace },
        RoleRef = new V1RoleRef { ApiGroup = RbacGroup, Kind = "Role", Name = ClusterInfoRoleName },
        Subjects = [new Rbacv1Subject { Kind = "User", Name = AnonymousUser }],
    };

    private static V1ClusterRoleBinding ClusterBinding(string name, string clusterRole, string subjectKind, string subjectName) => new()
    {
        Metadata = new V1ObjectMeta { Name = name },
        RoleRef = new V1RoleRef { ApiGroup = RbacGroup, Kind = "ClusterRole", Name = clusterRole },
        Subjects = [new Rbacv1Subject { Kind = subjectKind, Name = subjectName }],
    };
}
