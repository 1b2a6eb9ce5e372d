using k8s.Models;
using Kubeadm.Core.Configuration;
using Kubeadm.Core.Kubelet;

namespace Kubeadm.Core.Addons;

/// <summary>The CoreDNS objects other than the Deployment, as kubeadm's manifests define them.</summary>
public static class CoreDnsManifests
{
    public const string Name = "coredns";
    public const string ConfigMapKey = "Corefile";
    public const string ClusterRoleName = "system:coredns";
    public const string ServiceName = "kube-dns";
    public const string AppLabelValue = "kube-dns";
    public const int DnsPort = 53;
    public const int MetricsPort = 9153;

    public static V1ConfigMap ConfigMap(ClusterConfiguration cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        return new V1ConfigMap
        {
            ApiVersion = "v1",
            Kind = "ConfigMap",
            Metadata = new V1ObjectMeta { Name = Name, NamespaceProperty = AddonLabels.SystemNamespace },
            Data = AddonLabels.Map(ConfigMapKey, Corefile.For(cluster.Networking.DnsDomain)),
        };
    }

    public static V1ClusterRole ClusterRole() => new()
    {
        ApiVersion = $"{AddonLabels.RbacApiGroup}/v1",
        Kind = "ClusterRole",
        Metadata = new V1ObjectMeta { Name = ClusterRoleName },
        Rules =
        [
            new V1PolicyRule { ApiGroups = [""], Resources = ["endpoints", "services", "pods", "namespaces"], Verbs = ["list", "watch"] },
            new V1PolicyRule { ApiGroups = ["discovery.k8s.io"], Resources = ["endpointslices"], Verbs = ["list", "watch"] },
        ],
    };

    public static V1ClusterRoleBinding ClusterRoleBinding() => new()
    {
        ApiVersion = $"{AddonLabels.RbacApiGroup}/v1",
        Kind = "ClusterRoleBinding",
        Metadata = new V1ObjectMeta { Name = ClusterRoleName },
        RoleRef = new V1RoleRef { ApiGroup = AddonLabels.RbacApiGroup, Kind = "ClusterRole", Name = ClusterRoleName },
        Subjects = [new Rbacv1Subject { Kind = "ServiceAccount", Name = Name, NamespaceProperty = AddonLabels.SystemNamespace }],
    };

    public static V1ServiceAccount ServiceAccount() => new()
    {
        ApiVersion = "v1",
        Kind = "ServiceAccount",
        Metadata = new V1ObjectMeta { Name = Name, NamespaceProperty = AddonLabels.SystemNamespace },
    };

    /// <summary>The kube-dns Service at the 10th address of the first service subnet.</summary>
    public static V1Service Service(ClusterConfiguration cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        return new V1Service
        {
            ApiVersion = "v1",
            Kind = "Service",
            Metadata = new V1ObjectMeta
            {
                Name = ServiceName,
                NamespaceProperty = AddonLabels.SystemNamespace,
                Labels = new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    [AddonLabels.K8sAppLabel] = AppLabelValue,
                    ["kubernetes.io/cluster-service"] = "true",
                    ["kubernetes.io/name"] = "CoreDNS",
                },
                Annotations = new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["prometheus.io/port"] = "9153",
                    ["prometheus.io/scrape"] = "true",
                },

                // kubeadm sets it so that replacing an existing Service (create, then update) passes validation.
                ResourceVersion = "0",
            },
            Spec = new V1ServiceSpec
            {
                ClusterIP = ClusterDnsAddress.For(cluster.Networking.ServiceSubnet),
                Ports =
                [
                    Port("dns", DnsPort, "UDP"),
                    Port("dns-tcp", DnsPort, "TCP"),
                    Port("metrics", MetricsPort, "TCP"),
                ],
                Selector = AddonLabels.Map(AddonLabels.K8sAppLabel, AppLabelValue),
            },
        };
    }

    private static V1ServicePort Port(string name, int port, string protocol) => new()
    {
        Name = name,
        Port = port,
        Protocol = protocol,
        TargetPort = port,
    };
}
