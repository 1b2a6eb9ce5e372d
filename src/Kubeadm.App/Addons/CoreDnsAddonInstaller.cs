using k8s.Models;
using Kubeadm.App.Init;
using Kubeadm.Core.Addons;
using Kubeadm.Core.ClusterApi;
using Kubeadm.Core.Errors;

namespace Kubeadm.App.Addons;

/// <summary>
/// `kubeadm init phase addon coredns`: creates or updates the CoreDNS objects in kubeadm's order (ConfigMap,
/// ClusterRole, ClusterRoleBinding, ServiceAccount, Deployment, Service), all at once but the Deployment after its
/// ServiceAccount. An existing Deployment keeps its replica
/// count and an existing Corefile the user changed is kept, as kubeadm does.
/// </summary>
public static class CoreDnsAddonInstaller
{
    public const string DeploymentPatchTarget = "corednsdeployment";

    public static async Task RunAsync(InitContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var api = await context.Cluster.GetAsync(cancellationToken).ConfigureAwait(false);
        var existing = await ExistingDeploymentsAsync(api, cancellationToken).ConfigureAwait(false);
        var replicas = existing is [{ Spec.Replicas: { } kept }] ? kept : CoreDnsDeploymentBuilder.DefaultReplicas;
        var objects = CoreDnsObjects.Build(context.Config.Cluster, replicas);
        var deployment = AddonObjectJson.Patch(objects.Deployment, context.Patches, DeploymentPatchTarget);

        // Issued at once; only the Deployment waits for its ServiceAccount, so its first Pods are not refused.
        await context.ApiWrites()
            .Writes(
                ct => ApplyConfigMapAsync(api, objects.ConfigMap, ct),
                ct => api.CreateOrUpdateAsync(objects.ClusterRole, ct),
                ct => api.CreateOrUpdateAsync(objects.ClusterRoleBinding, ct),
                async ct =>
                {
                    await api.CreateOrUpdateAsync(objects.ServiceAccount, ct).ConfigureAwait(false);
                    await api.CreateOrUpdateAsync(deployment, ct).ConfigureAwait(false);
                },
                ct => api.CreateOrUpdateAsync(objects.Service, ct))
            .RunAsync(cancellationToken)
            .ConfigureAwait(false);
        context.Out.WriteLine("[addons] Applied essential addon: CoreDNS");
    }

    /// <summary>The DNS Deployments already in kube-system (label k8s-app=kube-dns); more than one is an error, as in kubeadm.</summary>
    private static async Task<IReadOnlyList<V1Deployment>> ExistingDeploymentsAsync(IClusterApi api, CancellationToken cancellationToken)
    {
        var all = await api.ListAsync<V1Deployment>(AddonLabels.SystemNamespace, null, cancellationToken).ConfigureAwait(false);
        var dns = all
            .Where(d => d.Metadata?.Labels is { } labels
                && labels.TryGetValue(AddonLabels.K8sAppLabel, out var app) && app == CoreDnsManifests.AppLabelValue)
            .ToList();
        if (dns.Count > 1)
        {
            throw new KubeadmUserException(
                $"multiple DNS addon deployments found: [{string.Join(' ', dns.Select(d => d.Metadata.Name))}]");
        }

        return dns;
    }

    /// <summary>
    /// kubeadm replaces a missing or default Corefile and keeps one the user edited. "Default" is read here as "the
    /// Corefile this version writes" (kubeadm also accepts older releases' defaults, which only matters on upgrade).
    /// </summary>
    private static async Task ApplyConfigMapAsync(IClusterApi api, V1ConfigMap configMap, CancellationToken cancellationToken)
    {
        var current = await api.GetAsync<V1ConfigMap>(AddonLabels.SystemNamespace, CoreDnsManifests.Name, cancellationToken).ConfigureAwait(false);
        if (current is null)
        {
            await api.CreateOrUpdateAsync(configMap, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (current.Data is null || !current.Data.TryGetValue(CoreDnsManifests.ConfigMapKey, out var corefile))
        {
            throw new KubeadmUserException("unable to fetch CoreDNS current installed version and ConfigMap.: unable to find the CoreDNS Corefile data");
        }

        if (corefile.Length == 0 || corefile == configMap.Data[CoreDnsManifests.ConfigMapKey])
        {
            await api.CreateOrUpdateAsync(configMap, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await api.CreateIfMissingAsync(configMap, cancellationToken).ConfigureAwait(false);
        }
    }
}
