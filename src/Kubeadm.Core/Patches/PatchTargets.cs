namespace Kubeadm.Core.Patches;

/// <summary>The names kubeadm accepts as patch targets (the first part of a patch file name), in kubeadm's order.</summary>
public static class PatchTargets
{
    public const string Etcd = "etcd";
    public const string KubeApiServer = "kube-apiserver";
    public const string KubeControllerManager = "kube-controller-manager";
    public const string KubeScheduler = "kube-scheduler";
    public const string KubeletConfiguration = "kubeletconfiguration";
    public const string CoreDnsDeployment = "corednsdeployment";

    /// <summary>Every known target, in the order kubeadm lists them in its messages.</summary>
    public static IReadOnlyList<string> All { get; } =
        [Etcd, KubeApiServer, KubeControllerManager, KubeScheduler, KubeletConfiguration, CoreDnsDeployment];

    /// <summary>The list as Go's %v prints it: <c>[etcd kube-apiserver …]</c>.</summary>
    internal static string Listed => "[" + string.Join(' ', All) + "]";

    /// <summary>The strategic-merge schema of the object a target holds (static Pod, Deployment or KubeletConfiguration).</summary>
    internal static StrategicMergeSchema SchemaFor(string target) => target switch
    {
        CoreDnsDeployment => StrategicMergeSchemas.Deployment,
        KubeletConfiguration => StrategicMergeSchemas.None,
        _ => StrategicMergeSchemas.Pod,
    };
}
