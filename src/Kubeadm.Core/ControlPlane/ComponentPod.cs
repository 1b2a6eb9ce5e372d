using k8s.Models;

namespace Kubeadm.Core.ControlPlane;

/// <summary>The pod shape every kubeadm static pod shares.</summary>
public static class ComponentPod
{
    public const string Namespace = "kube-system";
    public const string PriorityClassName = "system-node-critical";

    /// <summary>The priority value of the system-node-critical class.</summary>
    public const int Priority = 2000001000;

    /// <summary>A host-network, node-critical pod in kube-system named after its single container.</summary>
    public static V1Pod Create(V1Container container, IEnumerable<V1Volume> volumes, IDictionary<string, string>? annotations)
    {
        ArgumentNullException.ThrowIfNull(container);
        ArgumentNullException.ThrowIfNull(volumes);
        container.ImagePullPolicy = "IfNotPresent";
        return new V1Pod
        {
            ApiVersion = "v1",
            Kind = "Pod",
            Metadata = new V1ObjectMeta
            {
                Name = container.Name,
                NamespaceProperty = Namespace,
                Labels = new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["component"] = container.Name,
                    ["tier"] = "control-plane",
                },
                Annotations = annotations is { Count: > 0 } ? annotations : null,
            },
            Spec = new V1PodSpec
            {
                Containers = [container],
                HostNetwork = true,
                Priority = Priority,
                PriorityClassName = PriorityClassName,
                SecurityContext = new V1PodSecurityContext
                {
                    SeccompProfile = new V1SeccompProfile { Type = "RuntimeDefault" },
                },
                Volumes = [.. volumes.OrderBy(volume => volume.Name, StringComparer.Ordinal)],
            },
            Status = new V1PodStatus(),
        };
    }

    /// <summary>Resource requests only, as kubeadm sets them (no limits).</summary>
    public static V1ResourceRequirements Requests(string cpu, string? memory = null)
    {
        var requests = new Dictionary<string, ResourceQuantity>(StringComparer.Ordinal) { ["cpu"] = new ResourceQuantity(cpu) };
        if (memory is not null)
        {
            requests["memory"] = new ResourceQuantity(memory);
        }

        return new V1ResourceRequirements { Requests = requests };
    }
}
