using k8s.Models;
using Kubeadm.Core.Configuration;
using Kubeadm.Core.Constants;
using Kubeadm.Core.ControlPlane;
using Kubeadm.Core.Images;

namespace Kubeadm.Core.Addons;

/// <summary>The kube-proxy DaemonSet kubeadm installs: one privileged, host-network pod per node, tolerating every taint.</summary>
public static class KubeProxyDaemonSetBuilder
{
    private const string ConfigDirectory = "/var/lib/kube-proxy";
    private const string XtablesLock = "/run/xtables.lock";
    private const string LibModules = "/lib/modules";

    /// <param name="cluster">The defaulted cluster configuration (image repository and version).</param>
    /// <param name="proxyEnvironment">The proxy variables of the kubeadm process, passed on to the container.</param>
    public static V1DaemonSet Build(ClusterConfiguration cluster, IReadOnlyList<EnvVar> proxyEnvironment)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(proxyEnvironment);
        return new V1DaemonSet
        {
            ApiVersion = "apps/v1",
            Kind = "DaemonSet",
            Metadata = new V1ObjectMeta
            {
                Name = KubeProxyManifests.Name,
                NamespaceProperty = AddonLabels.SystemNamespace,
                Labels = AppLabels(),
            },
            Spec = new V1DaemonSetSpec
            {
                Selector = new V1LabelSelector { MatchLabels = AppLabels() },
                UpdateStrategy = new V1DaemonSetUpdateStrategy { Type = "RollingUpdate" },
                Template = new V1PodTemplateSpec
                {
                    Metadata = new V1ObjectMeta { Labels = AppLabels() },
                    Spec = new V1PodSpec
                    {
                        PriorityClassName = ComponentPod.PriorityClassName,
                        Containers = [Container(cluster, proxyEnvironment)],
                        HostNetwork = true,
                        ServiceAccountName = KubeProxyManifests.Name,
                        Volumes =
                        [
                            new V1Volume { Name = KubeProxyManifests.Name, ConfigMap = new V1ConfigMapVolumeSource { Name = KubeProxyManifests.Name } },
                            new V1Volume { Name = "xtables-lock", HostPath = new V1HostPathVolumeSource { Path = XtablesLock, Type = "FileOrCreate" } },
                            new V1Volume { Name = "lib-modules", HostPath = new V1HostPathVolumeSource { Path = LibModules } },
                        ],
                        Tolerations = [new V1Toleration { OperatorProperty = "Exists" }],
                        NodeSelector = AddonLabels.Map(AddonLabels.OsLabel, AddonLabels.LinuxOs),
                    },
                },
            },
        };
    }

    private static V1Container Container(ClusterConfiguration cluster, IReadOnlyList<EnvVar> proxyEnvironment) => new()
    {
        Name = KubeProxyManifests.Name,
        Image = ControlPlaneImages.Component(cluster, KubeProxyManifests.Name),
        ImagePullPolicy = KubeadmConstants.DefaultImagePullPolicy,
        Command =
        [
            "/usr/local/bin/kube-proxy",
            $"--config={ConfigDirectory}/{KubeProxyManifests.ConfigKey}",
            "--hostname-override=$(NODE_NAME)",
        ],
        SecurityContext = new V1SecurityContext { Privileged = true },

        // The xtables lock is mounted read-write; Go drops the template's "readOnly: false" when it decodes it.
        VolumeMounts =
        [
            new V1VolumeMount { MountPath = ConfigDirectory, Name = KubeProxyManifests.Name },
            new V1VolumeMount { MountPath = XtablesLock, Name = "xtables-lock" },
            new V1VolumeMount { MountPath = LibModules, Name = "lib-modules", ReadOnlyProperty = true },
        ],
        Env =
        [
            new V1EnvVar
            {
                Name = "NODE_NAME",
                ValueFrom = new V1EnvVarSource { FieldRef = new V1ObjectFieldSelector { FieldPath = "spec.nodeName" } },
            },
            .. ProxyEnvironment.Merge(proxyEnvironment).Select(variable => new V1EnvVar { Name = variable.Name, Value = variable.Value }),
        ],
    };

    private static Dictionary<string, string> AppLabels() => AddonLabels.Map(AddonLabels.K8sAppLabel, KubeProxyManifests.Name);
}
