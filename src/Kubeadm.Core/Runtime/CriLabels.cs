namespace Kubeadm.Core.Runtime;

/// <summary>The labels and annotations the kubelet puts on CRI containers and sandboxes.</summary>
public static class CriLabels
{
    public const string PodName = "io.kubernetes.pod.name";
    public const string PodNamespace = "io.kubernetes.pod.namespace";
    public const string ContainerName = "io.kubernetes.container.name";
    public const string RestartCount = "io.kubernetes.container.restartCount";
}
