namespace Kubeadm.Core.ControlPlane;

/// <summary>The static pod components kubeadm writes manifests for; each is also the patch target name.</summary>
public static class ComponentNames
{
    public const string Etcd = "etcd";
    public const string ApiServer = "kube-apiserver";
    public const string ControllerManager = "kube-controller-manager";
    public const string Scheduler = "kube-scheduler";

    /// <summary>The manifest path of a component inside a manifests directory.</summary>
    public static string ManifestPath(string manifestsDirectory, string component) => $"{manifestsDirectory.TrimEnd('/')}/{component}.yaml";
}
