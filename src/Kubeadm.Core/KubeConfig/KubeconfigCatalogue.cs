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
        ShortHelp = "Generate a kubeconfig file for the admin to use and for kubeadm itself",
        LongHelp = "Generate the kubeconfig file for the admin and for kubeadm itself, and save it to admin.conf file.",
        UserName = "kubernetes-admin",
        Organizations = [ClusterAdminsGroup],
        Server = KubeconfigServerKind.ControlPlaneEndpoint,
    };

    public static readonly KubeconfigFileSpec SuperAdmin = new()
    {
        PhaseName = "super-admin",
        FileName = "super-admin.conf",
        ShortHelp = "Generate a kubeconfig file for the super-admin",
        LongHelp = "Generate a kubeconfig file for the super-admin, and save it to super-admin.conf file.",
        UserName = "kubernetes-super-admin",
        Organizations = [SystemPrivilegedGroup],
        Server = KubeconfigServerKind.ControlPlaneEndpoint,
    };

    public static readonly KubeconfigFileSpec Kubelet = new()
    {
        PhaseName = "kubelet",
        FileName = "kubelet.conf",
        ShortHelp = "Generate a kubeconfig file for the kubelet to use *only* for cluster bootstrapping purposes",
        LongHelp = "Generate the kubeconfig file for the kubelet (user system:node:<node name>) and save it to kubelet.conf file.\n\n"
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
        ShortHelp = "Generate a kubeconfig file for the controller manager to use",
        LongHelp = "Generate the kubeconfig file for the controller manager to use and save it to controller-manager.conf file",
        UserName = "system:kube-controller-manager",
        Server = KubeconfigServerKind.LocalEndpoint,
    };

    public static readonly KubeconfigFileSpec Scheduler = new()
    {
        PhaseName = "scheduler",
        FileName = "scheduler.conf",
        ShortHelp = "Generate a kubeconfig file for the scheduler to use",
        LongHelp = "Generate the kubeconfig file for the scheduler to use and save it to scheduler.conf file.",
        UserName = "system:kube-scheduler",
        Server = KubeconfigServerKind.LocalEndpoint,
    };

    public static IReadOnlyList<KubeconfigFileSpec> All { get; } = [Admin, SuperAdmin, Kubelet, ControllerManager, Scheduler];
}
