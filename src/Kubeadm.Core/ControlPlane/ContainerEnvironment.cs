using k8s.Models;
using Kubeadm.Core.ClusterApi;
using Kubeadm.Core.Configuration;

namespace Kubeadm.Core.ControlPlane;

/// <summary>Converts configured environment variables into the client's container model.</summary>
public static class ContainerEnvironment
{
    /// <summary>The container's env list, or null when empty (Go leaves an empty list out).</summary>
    public static List<V1EnvVar>? ToModel(IReadOnlyList<EnvVar> variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        if (variables.Count == 0)
        {
            return null;
        }

        return
        [
            .. variables.Select(variable => new V1EnvVar
            {
                Name = variable.Name,
                Value = variable.Value.Length > 0 ? variable.Value : null,
                ValueFrom = variable.ValueFrom is { } source ? KubeJson.Deserialize<V1EnvVarSource>(source.ToJsonString()) : null,
            }),
        ];
    }
}
