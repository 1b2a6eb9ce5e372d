using k8s.Models;
using Kubeadm.Core.Configuration;

namespace Kubeadm.Core.ControlPlane;

/// <summary>Which builder makes the static Pod of a component: the one mapping init, upgrade and upgrade diff share.</summary>
public static class StaticPodBuilder
{
    /// <summary>
    /// The static Pod of <paramref name="component"/> (a <see cref="ComponentNames"/> value) for
    /// <paramref name="config"/>; <paramref name="host"/> is not read for etcd.
    /// </summary>
    public static V1Pod Build(KubeadmConfig config, StaticPodHostFacts host, string component, Action<string>? warn = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(host);
        return component switch
        {
            ComponentNames.ApiServer => ApiServerPodBuilder.Build(config, host, warn),
            ComponentNames.ControllerManager => ControllerManagerPodBuilder.Build(config, host),
            ComponentNames.Scheduler => SchedulerPodBuilder.Build(config, host),
            ComponentNames.Etcd => EtcdPodBuilder.Build(config, warn),
            _ => throw new ArgumentException($"unknown static Pod component \"{component}\"", nameof(component)),
        };
    }
}
