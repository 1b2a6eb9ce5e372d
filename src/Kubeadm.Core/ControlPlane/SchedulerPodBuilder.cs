using k8s.Models;
using Kubeadm.Core.Configuration;
using Kubeadm.Core.Constants;
using Kubeadm.Core.Images;

namespace Kubeadm.Core.ControlPlane;

/// <summary>The kube-scheduler static pod, as `kubeadm init phase control-plane scheduler` writes it.</summary>
public static class SchedulerPodBuilder
{
    public static V1Pod Build(KubeadmConfig config, StaticPodHostFacts host)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(host);
        var cluster = config.Cluster;
        var probeHost = ControllerManagerPodBuilder.BindAddressProbeHost(cluster.Scheduler.ExtraArgs);
        var timeout = config.Init.Timeouts.ControlPlaneComponentHealthCheck ?? KubeadmConstants.ControlPlaneComponentHealthCheckTimeout;
        var volumes = ControlPlaneVolumes.ForScheduler(cluster);
        var container = new V1Container
        {
            Name = ComponentNames.Scheduler,
            Image = ControlPlaneImages.Component(cluster, ComponentNames.Scheduler),
            Command = [ComponentNames.Scheduler, .. Command(cluster)],
            Ports = [PodProbes.Port(KubeadmConstants.KubeSchedulerPort)],
            VolumeMounts = [.. volumes.Mounts],
            LivenessProbe = PodProbes.Liveness(probeHost, "/livez", "HTTPS"),
            ReadinessProbe = PodProbes.Readiness(probeHost, "/readyz", "HTTPS"),
            StartupProbe = PodProbes.Startup(probeHost, "/livez", "HTTPS", timeout),
            Resources = ComponentPod.Requests("100m"),
            Env = ContainerEnvironment.ToModel(ProxyEnvironment.Merge(host.ProxyEnvironment, cluster.Scheduler.ExtraEnvs)),
        };
        return ComponentPod.Create(container, volumes.Volumes, annotations: null);
    }

    /// <summary>The flags after the binary name: kubeadm's defaults merged with scheduler.extraArgs.</summary>
    public static IReadOnlyList<string> Command(ClusterConfiguration cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var kubeconfig = ControlPlaneVolumes.SchedulerKubeconfig;
        Arg[] defaults =
        [
            new("bind-address", "127.0.0.1"),
            new("leader-elect", "true"),
            new("kubeconfig", kubeconfig),
            new("authentication-kubeconfig", kubeconfig),
            new("authorization-kubeconfig", kubeconfig),
        ];
        return ArgumentList.ToCommand(defaults, cluster.Scheduler.ExtraArgs);
    }
}
