using k8s.Models;
using Kubeadm.Core.Configuration;
using Kubeadm.Core.KubeConfig;

namespace Kubeadm.Core.Addons;

/// <summary>Every object of the kube-proxy addon, in the order kubeadm creates them.</summary>
public sealed record KubeProxyObjects(
    V1ConfigMap ConfigMap,
    V1DaemonSet DaemonSet,
    V1ServiceAccount ServiceAccount,
    V1ClusterRoleBinding ClusterRoleBinding,
    V1Role Role,
    V1RoleBinding RoleBinding)
{
    /// <param name="config">The defaulted kubeadm configuration, with any KubeProxyConfiguration document.</param>
    /// <param name="proxyEnvironment">The proxy variables of the kubeadm process.</param>
    /// <param name="warn">Receives kubeadm's warnings about user values that differ from its recommendations.</param>
    public static KubeProxyObjects Build(KubeadmConfig config, IReadOnlyList<EnvVar> proxyEnvironment, Action<string> warn)
    {
        ArgumentNullException.ThrowIfNull(config);
        var endpoint = config.Init.LocalApiEndpoint;
        var server = ApiServerUrl.ControlPlane(config.Cluster.ControlPlaneEndpoint, endpoint.AdvertiseAddress, endpoint.BindPort);
        var proxyYaml = KubeProxyConfigurationBuilder.ToYaml(KubeProxyConfigurationBuilder.Build(config, warn));
        return new KubeProxyObjects(
            KubeProxyManifests.ConfigMap(server, proxyYaml, sign: !KubeProxyConfigurationBuilder.IsUserSupplied(config)),
            KubeProxyDaemonSetBuilder.Build(config.Cluster, proxyEnvironment),
            KubeProxyManifests.ServiceAccount(),
            KubeProxyManifests.ClusterRoleBinding(),
            KubeProxyManifests.Role(),
            KubeProxyManifests.RoleBinding());
    }
}
