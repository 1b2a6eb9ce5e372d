using k8s.Models;
using Kubeadm.Core.Configuration;
using Kubeadm.Core.Constants;
using Kubeadm.Core.Images;

namespace Kubeadm.Core.Addons;

/// <summary>The CoreDNS Deployment kubeadm installs, before the user's "corednsdeployment" patches.</summary>
public static class CoreDnsDeploymentBuilder
{
    /// <summary>The replica count of a new CoreDNS Deployment; an existing one keeps its own.</summary>
    public const int DefaultReplicas = 2;

    private const string ConfigVolume = "config-volume";
    private const string ConfigDirectory = "/etc/coredns";

    public static V1Deployment Build(ClusterConfiguration cluster, int replicas = DefaultReplicas)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var appLabels = AddonLabels.Map(AddonLabels.K8sAppLabel, CoreDnsManifests.AppLabelValue);
        return new V1Deployment
        {
            ApiVersion = "apps/v1",
            Kind = "Deployment",
            Metadata = new V1ObjectMeta
            {
                Name = CoreDnsManifests.Name,
                NamespaceProperty = AddonLabels.SystemNamespace,
                Labels = appLabels,
            },
            Spec = new V1DeploymentSpec
            {
                Replicas = replicas,
                Strategy = new V1DeploymentStrategy
                {
                    Type = "RollingUpdate",
                    RollingUpdate = new V1RollingUpdateDeployment { MaxUnavailable = 1 },
                },
                Selector = new V1LabelSelector { MatchLabels = AddonLabels.Map(AddonLabels.K8sAppLabel, CoreDnsManifests.AppLabelValue) },
                Template = new V1PodTemplateSpec
                {
                    Metadata = new V1ObjectMeta { Labels = AddonLabels.Map(AddonLabels.K8sAppLabel, CoreDnsManifests.AppLabelValue) },
                    Spec = PodSpec(cluster),
                },
            },
        };
    }

    private static V1PodSpec PodSpec(ClusterConfiguration cluster) => new()
    {
        PriorityClassName = "system-cluster-critical",
        ServiceAccountName = CoreDnsManifests.Name,
        Affinity = new V1Affinity
        {
            PodAntiAffinity = new V1PodAntiAffinity
            {
                PreferredDuringSchedulingIgnoredDuringExecution =
                [
                    new V1WeightedPodAffinityTerm
                    {
                        Weight = 100,
                        PodAffinityTerm = new V1PodAffinityTerm
                        {
                            LabelSelector = new V1LabelSelector
                            {
                                MatchExpressions =
                                [
                                    new V1LabelSelectorRequirement
                                    {
                                        Key = AddonLabels.K8sAppLabel,
                                        OperatorProperty = "In",
                                        Values = [CoreDnsManifests.AppLabelValue],
                                    },
                                ],
                            },
                            TopologyKey = "kubernetes.io/hostname",
                        },
                    },
                ],
            },
        },
        Tolerations =
        [
            new V1Toleration { Key = "CriticalAddonsOnly", OperatorProperty = "Exists" },
            new V1Toleration { Key = KubeadmConstants.ControlPlaneLabel, Effect = "NoSchedule" },
        ],
        NodeSelector = AddonLabels.Map(AddonLabels.OsLabel, AddonLabels.LinuxOs),
        Containers = [Container(cluster)],
        DnsPolicy = "Default",
        Volumes =
        [
            new V1Volume
            {
                Name = ConfigVolume,
                ConfigMap = new V1ConfigMapVolumeSource
                {
                    Name = CoreDnsManifests.Name,
                    Items = [new V1KeyToPath { Key = CoreDnsManifests.ConfigMapKey, Path = CoreDnsManifests.ConfigMapKey }],
                },
            },
        ],
    };

    private static V1Container Container(ClusterConfiguration cluster) => new()
    {
        Name = CoreDnsManifests.Name,
        Image = ControlPlaneImages.CoreDns(cluster),
        ImagePullPolicy = KubeadmConstants.DefaultImagePullPolicy,
        Resources = new V1ResourceRequirements
        {
            Limits = new Dictionary<string, ResourceQuantity>(StringComparer.Ordinal) { ["memory"] = new ResourceQuantity("170Mi") },
            Requests = new Dictionary<string, ResourceQuantity>(StringComparer.Ordinal)
            {
                ["cpu"] = new ResourceQuantity("100m"),
                ["memory"] = new ResourceQuantity("70Mi"),
            },
        },
        Args = ["-conf", $"{ConfigDirectory}/{CoreDnsManifests.ConfigMapKey}"],
        VolumeMounts = [new V1VolumeMount { Name = ConfigVolume, MountPath = ConfigDirectory, ReadOnlyProperty = true }],
        Ports =
        [
            Port(CoreDnsManifests.DnsPort, "dns", "UDP"),
            Port(CoreDnsManifests.DnsPort, "dns-tcp", "TCP"),
            Port(CoreDnsManifests.MetricsPort, "metrics", "TCP"),
            Port(8080, "liveness-probe", "TCP"),
            Port(8181, "readiness-probe", "TCP"),
        ],
        LivenessProbe = new V1Probe
        {
            HttpGet = new V1HTTPGetAction { Path = "/health", Port = "liveness-probe", Scheme = "HTTP" },
            InitialDelaySeconds = 60,
            TimeoutSeconds = 5,
            SuccessThreshold = 1,
            FailureThreshold = 5,
        },
        ReadinessProbe = new V1Probe
        {
            HttpGet = new V1HTTPGetAction { Path = "/ready", Port = "readiness-probe", Scheme = "HTTP" },
        },
        SecurityContext = new V1SecurityContext
        {
            AllowPrivilegeEscalation = false,
            Capabilities = new V1Capabilities { Add = ["NET_BIND_SERVICE"], Drop = ["ALL"] },
            ReadOnlyRootFilesystem = true,
        },
    };

    private static V1ContainerPort Port(int port, string name, string protocol) => new()
    {
        ContainerPort = port,
        Name = name,
        Protocol = protocol,
    };
}
