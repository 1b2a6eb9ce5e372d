namespace Kubeadm.Core.KubeConfig;

/// <summary>The kubeconfig files of `kubeadm init`, in the order of its kubeconfig sub-phases.</summary>
public static class KubeconfigCatalogue
{
    public const string ClusterAdminsGroup = "kubeadm:cluster-admins";
    public const string SystemPrivilegedGroup = "system:masters";
    public const string NodesGroup = "system:nodes";
    public const string NodesUserPrefix = "system:node:";

    public static readonly KubeconfigFileSpec Admin = new()
    {
        PhaseName = "admin",
        FileName = "admin.conf",
        ShortHelp = "Write admin.conf, the administrators' kubeconfig (kubeadm uses it too)",
        LongHelp = "Write admin.conf: a kubeconfig for the cluster's administrators (group kubeadm:cluster-admins), which later kubeadm commands use as well.",
        UserName = "kubernetes-admin",
        Organizations = [ClusterAdminsGroup],
        Server = KubeconfigServerKind.ControlPlaneEndpoint,
    };

    public static readonly KubeconfigFileSpec SuperAdmin = new()
    {
        PhaseName = "super-admin",
        FileName = "super-admin.conf",
        ShortHelp = "Write super-admin.conf, a kubeconfig that bypasses RBAC",
        LongHelp = "Write super-admin.conf: a kubeconfig in the system:masters group, which RBAC cannot restrict. Keep it offline; it is for emergencies.",
        UserName = "kubernetes-super-admin",
        Organizations = [SystemPrivilegedGroup],
        Server = KubeconfigServerKind.ControlPlaneEndpoint,
    };

    public static readonly KubeconfigFileSpec Kubelet = new()
    {
        PhaseName = "kubelet",
        FileName = "kubelet.conf",
        ShortHelp = "Write kubelet.conf, the kubeconfig the kubelet starts with",
        LongHelp = "Write kubelet.conf: the kubelet's kubeconfig (user system:node:<node name>).\n\n"
            + "It only serves to bootstrap the node: once the control plane runs, the kubelet gets and rotates its credentials\n"
            + "through the certificates API.",
        UserName = NodesUserPrefix,
        UserIsPerNode = true,
        Organizations = [NodesGroup],
        Server = KubeconfigServerKind.ControlPlaneEndpoint,
    };

    public static readonly KubeconfigFileSpec ControllerManager = new()
    {
        PhaseName = "controller-manager",
        FileName = "controller-manager.conf",
        ShortHelp = "Write controller-manager.conf, the controller manager's kubeconfig",
        LongHelp = "Write controller-manager.conf: the kubeconfig the controller manager reaches the local API server with.",
        UserName = "system:kube-controller-manager",
        Server = KubeconfigServerKind.LocalEndpoint,
    };

    public static readonly KubeconfigFileSpec Scheduler = new()
    {
        PhaseName = "scheduler",
        FileName = "scheduler.conf",
        ShortHelp = "Write scheduler.conf, the scheduler's kubeconfig",
        LongHelp = "Write scheduler.conf: the kubeconfig the scheduler reaches the local API server with.",
        UserName = "system:kube-scheduler",
        Server = KubeconfigServerKind.LocalEndpoint,
    };

    public static IReadOnlyList<KubeconfigFileSpec> All { get; } = [Admin, SuperAdmin, Kubelet, ControllerManager, Scheduler];
}
