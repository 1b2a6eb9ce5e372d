using Kubeadm.App.Init;
using Kubeadm.Core.Addons;
using Kubeadm.Core.ControlPlane;

namespace Kubeadm.App.Addons;

/// <summary>
/// `kubeadm init phase addon kube-proxy`: creates or updates the kube-proxy objects in kubeadm's order (ConfigMap,
/// DaemonSet, ServiceAccount, ClusterRoleBinding, Role, RoleBinding), all issued at once.
/// </summary>
public static class KubeProxyAddonInstaller
{
    public static async Task RunAsync(InitContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var objects = KubeProxyObjects.Build(
            context.Config, ProxyEnvironment.Read(context.GetEnvironmentVariable), message => context.Err.WriteLine($"WARNING: {message}"));
        var api = await context.Cluster.GetAsync(cancellationToken).ConfigureAwait(false);
        // kubeadm itself creates the DaemonSet before its ServiceAccount (the controller retries): all are issued at once.
        await context.ApiWrites()
            .Writes(
                ct => api.CreateOrUpdateAsync(objects.ConfigMap, ct),
                ct => api.CreateOrUpdateAsync(objects.DaemonSet, ct),
                ct => api.CreateOrUpdateAsync(objects.ServiceAccount, ct),
                ct => api.CreateOrUpdateAsync(objects.ClusterRoleBinding, ct),
                ct => api.CreateOrUpdateAsync(objects.Role, ct),
                ct => api.CreateOrUpdateAsync(objects.RoleBinding, ct))
            .RunAsync(cancellationToken)
            .ConfigureAwait(false);
        context.Out.WriteLine("[addons] Applied essential addon: kube-proxy");
    }
}
