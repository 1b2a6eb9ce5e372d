using Kubeadm.Core.ControlPlane;

namespace Kubeadm.Core.Upgrade.Apply;

/// <summary>
/// The control-plane components `upgrade apply` and `upgrade node` move, in kubeadm's order (etcd first, when it is
/// upgraded at all), and the certificates kubeadm renews for each just before writing its new manifest.
/// </summary>
public static class UpgradeComponents
{
    /// <summary>The components after etcd, in kubeadm's order.</summary>
    public static IReadOnlyList<string> ControlPlane { get; } = [ComponentNames.ApiServer, ComponentNames.ControllerManager, ComponentNames.Scheduler];

    /// <summary>
    /// The names (as `kubeadm certs renew` knows them) of the certificates renewed for a component: the etcd serving,
    /// peer and healthcheck certificates for etcd; the API server's serving, kubelet-client and front-proxy-client
    /// certificates (and its etcd client certificate with local etcd); the kubeconfig client certificates of the
    /// controller-manager and scheduler.
    /// </summary>
    public static IReadOnlyList<string> CertificatesOf(string component, bool localEtcd) => component switch
    {
        ComponentNames.Etcd => localEtcd ? ["etcd-server", "etcd-peer", "etcd-healthcheck-client"] : [],
        ComponentNames.ApiServer => localEtcd
            ? ["apiserver", "apiserver-kubelet-client", "front-proxy-client", "apiserver-etcd-client"]
            : ["apiserver", "apiserver-kubelet-client", "front-proxy-client"],
        ComponentNames.ControllerManager => ["controller-manager.conf"],
        ComponentNames.Scheduler => ["scheduler.conf"],
        _ => throw new ArgumentException($"unknown control-plane component \"{component}\"", nameof(component)),
    };

    /// <summary>The mirror Pod the kubelet publishes for a static Pod: "&lt;component&gt;-&lt;node name&gt;".</summary>
    public static string MirrorPodName(string component, string nodeName) => $"{component}-{nodeName}";

    /// <summary>The label selector kubeadm waits on after a component's hash changed.</summary>
    public static string LabelSelector(string component) => $"component={component}";
}
