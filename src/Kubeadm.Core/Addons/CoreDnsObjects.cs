using k8s.Models;
using Kubeadm.Core.Configuration;

namespace Kubeadm.Core.Addons;

/// <summary>Every object of the CoreDNS addon; <see cref="Build"/> gives them as kubeadm renders them.</summary>
public sealed record CoreDnsObjects(
    V1ConfigMap ConfigMap,
    V1ClusterRole ClusterRole,
    V1ClusterRoleBinding ClusterRoleBinding,
    V1ServiceAccount ServiceAccount,
    V1Deployment Deployment,
    V1Service Service)
{
    /// <param name="cluster">The defaulted cluster configuration.</param>
    /// <param name="replicas">The Deployment's replica count (an existing Deployment's count is kept by the caller).</param>
    public static CoreDnsObjects Build(ClusterConfiguration cluster, int replicas = CoreDnsDeploymentBuilder.DefaultReplicas) => new(
        CoreDnsManifests.ConfigMap(cluster),
        CoreDnsManifests.ClusterRole(),
        CoreDnsManifests.ClusterRoleBinding(),
        CoreDnsManifests.ServiceAccount(),
        CoreDnsDeploymentBuilder.Build(cluster, replicas),
        CoreDnsManifests.Service(cluster));
}
