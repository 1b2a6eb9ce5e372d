using Kubeadm.App.Init;
using Kubeadm.Core.Addons;
using Kubeadm.Core.ControlPlane;

namespace Kubeadm.App.Addons;

/// <summary>
/// `kubeadm init phase addon kube-proxy`: creates or updates the kube-proxy objects in kubeadm's order (ConfigMap,
/// DaemonSet, ServiceAccount, ClusterRoleBinding, Role, RoleBinding).
/// </summary>
public static class KubeProxyAddonInstaller
{
    public static async Task RunAsync(InitContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var objects = KubeProxyObjects.Build(
            context.Config, ProxyEnvironment.Read(context.GetEnvironmentVariable), message => context.Err.WriteLine($"WARNING: {message}"));
        var api = await context.Cluster.GetAsync(cancellationToken).ConfigureAwait(false);
        await api.CreateOrUpdateAsync(objects.ConfigMap, cancellationToken).ConfigureAwait(false);
        await api.CreateOrUpdateAsync(objects.DaemonSet, cancellationToken).ConfigureAwait(false);
        await api.CreateOrUpdateAsync(objects.ServiceAccount, cancellationToken).ConfigureAwait(false);
        await api.CreateOrUpdateAsync(objects.ClusterRoleBinding, cancellationToken).ConfigureAwait(false);
        await api.CreateOrUpdateAsync(objects.Role, cancellationToken).ConfigureAwait(false);
        await api.CreateOrUpdateAsync(objects.RoleBinding, cancellationToken).ConfigureAwait(false);
        context.Out.WriteLine("[addons] Applied essential addon: kube-proxy");
    }
}
