using k8s.Models;
using Kubeadm.Core.Configuration;
using Kubeadm.Core.Constants;
using Kubeadm.Core.Images;

namespace Kubeadm.Core.ControlPlane;

/// <summary>The kube-controller-manager static pod, as `kubeadm init phase control-plane controller-manager` writes it.</summary>
public static class ControllerManagerPodBuilder
{
    public static V1Pod Build(KubeadmConfig config, StaticPodHostFacts host)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(host);
        var cluster = config.Cluster;
        var probeHost = BindAddressProbeHost(cluster.ControllerManager.ExtraArgs);
        var timeout = config.Init.Timeouts.ControlPlaneComponentHealthCheck ?? KubeadmConstants.ControlPlaneComponentHealthCheckTimeout;
        var volumes = ControlPlaneVolumes.ForControllerManager(cluster, host);
        var container = new V1Container
        {
            Name = ComponentNames.ControllerManager,
            Image = ControlPlaneImages.Component(cluster, ComponentNames.ControllerManager),
            Command = [ComponentNames.ControllerManager, .. Command(cluster, host.UsingExternalCa)],
            Ports = [PodProbes.Port(KubeadmConstants.KubeControllerManagerPort)],
            VolumeMounts = [.. volumes.Mounts],
            LivenessProbe = PodProbes.Liveness(probeHost, "/healthz", "HTTPS"),
            StartupProbe = PodProbes.Startup(probeHost, "/healthz", "HTTPS", timeout),
            Resources = ComponentPod.Requests("200m"),
            Env = ContainerEnvironment.ToModel(ProxyEnvironment.Merge(host.ProxyEnvironment, cluster.ControllerManager.ExtraEnvs)),
        };
        return ComponentPod.Create(container, volumes.Volumes, annotations: null);
    }

    /// <summary>The flags after the binary name: kubeadm's defaults merged with controllerManager.extraArgs.</summary>
    public static IReadOnlyList<string> Command(ClusterConfiguration cluster, bool usingExternalCa)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var kubeconfig = ControlPlaneVolumes.ControllerManagerKubeconfig;
        var caFile = ConfigPaths.Join(cluster.CertificatesDir, "ca.crt");

        // Without the CA key (external CA) the CSR signer gets empty paths, so it does not start.
        var defaults = new List<Arg>
        {
            new("bind-address", "127.0.0.1"),
            new("leader-elect", "true"),
            new("kubeconfig", kubeconfig),
            new("authentication-kubeconfig", kubeconfig),
            new("authorization-kubeconfig", kubeconfig),
            new("client-ca-file", caFile),
            new("requestheader-client-ca-file", ConfigPaths.Join(cluster.CertificatesDir, "front-proxy-ca.crt")),
            new("root-ca-file", caFile),
            new("service-account-private-key-file", ConfigPaths.Join(cluster.CertificatesDir, "sa.key")),
            new("cluster-signing-cert-file", usingExternalCa ? "" : caFile),
            new("cluster-signing-key-file", usingExternalCa ? "" : ConfigPaths.Join(cluster.CertificatesDir, "ca.key")),
            new("use-service-account-credentials", "true"),
            new("controllers", "*,bootstrapsigner,tokencleaner"),
        };
        if (cluster.Networking.PodSubnet.Length > 0)
        {
            ArgumentList.Set(defaults, "allocate-node-cidrs", "true");
            ArgumentList.Set(defaults, "cluster-cidr", cluster.Networking.PodSubnet);
            if (cluster.Networking.ServiceSubnet.Length > 0)
            {
                ArgumentList.Set(defaults, "service-cluster-ip-range", cluster.Networking.ServiceSubnet);
            }
        }

        if (cluster.ClusterName.Length > 0)
        {
            ArgumentList.Set(defaults, "cluster-name", cluster.ClusterName);
        }

        return ArgumentList.ToCommand(defaults, cluster.ControllerManager.ExtraArgs);
    }

    /// <summary>The probe host for a component with a `bind-address` flag: that address, none for a wildcard, else loopback.</summary>
    internal static string BindAddressProbeHost(IEnumerable<Arg> extraArgs) => ArgumentList.LastValue(extraArgs, "bind-address") switch
    {
        null => "127.0.0.1",
        "0.0.0.0" or "::" => "",
        var address => address,
    };
}
