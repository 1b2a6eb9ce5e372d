using k8s.Models;
using Kubeadm.App.Init;
using Kubeadm.App.Kubelet;
using Kubeadm.Core.ClusterApi;
using Kubeadm.Core.Configuration.Serialization;
using Kubeadm.Core.Configuration.Validation;
using Kubeadm.Core.Constants;
using Kubeadm.Core.Errors;
using Kubeadm.Core.Kubelet;
using Kubeadm.Core.UploadConfig;

namespace Kubeadm.App.ClusterPhases;

/// <summary>
/// `kubeadm init phase upload-config kubeadm|kubelet`: store the ClusterConfiguration and the cluster-wide
/// KubeletConfiguration in kube-system ConfigMaps that joining nodes (and upgrades) read, with the RBAC rules that
/// let them read them. Every write is create-or-update, so running the phase again is harmless; the ConfigMap and
/// its RBAC objects do not depend on each other and are written at the same time.
/// </summary>
public static class UploadConfigPhase
{
    private const string SystemdResolved = "systemd-resolved";

    public static async Task RunKubeadmAsync(InitContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var api = await context.Cluster.GetAsync(cancellationToken).ConfigureAwait(false);
        context.Out.WriteLine(
            $"[upload-config] Storing the configuration used in ConfigMap \"{KubeadmConfigMap.Name}\" in the \"{KubeadmConfigMap.Namespace}\" Namespace");
        try
        {
            await context.ApiWrites()
                .Writes(
                    async ct =>
                    {
                        var existing = await api.GetAsync<V1ConfigMap>(KubeadmConfigMap.Namespace, KubeadmConfigMap.Name, ct).ConfigureAwait(false);
                        await api.CreateOrUpdateAsync(KubeadmConfigMap.Create(context.Config.Cluster, existing), ct).ConfigureAwait(false);
                    },
                    ct => api.CreateOrUpdateAsync(KubeadmConfigMap.Role(), ct),
                    ct => api.CreateOrUpdateAsync(KubeadmConfigMap.RoleBinding(), ct))
                .RunAsync(cancellationToken)
                .ConfigureAwait(false);
        }
        catch (ClusterApiException e)
        {
            throw new KubeadmUserException($"error uploading the kubeadm ClusterConfiguration: {e.Message}", e);
        }
    }

    public static async Task RunKubeletAsync(InitContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var api = await context.Cluster.GetAsync(cancellationToken).ConfigureAwait(false);
        context.Out.WriteLine(
            $"[kubelet] Creating a ConfigMap \"{KubeletConfigMap.Name}\" in namespace {KubeletConfigMap.Namespace} with the configuration for the kubelets in the cluster");
        try
        {
            await context.ApiWrites()
                .Writes(
                    async ct => await api.CreateOrUpdateAsync(await KubeletConfigMapAsync(context, ct).ConfigureAwait(false), ct).ConfigureAwait(false),
                    ct => api.CreateOrUpdateAsync(KubeletConfigMap.Role(), ct),
                    ct => api.CreateOrUpdateAsync(KubeletConfigMap.RoleBinding(), ct))
                .RunAsync(cancellationToken)
                .ConfigureAwait(false);
        }
        catch (ClusterApiException e)
        {
            throw new KubeadmUserException($"error creating kubelet configuration ConfigMap: {e.Message}", e);
        }

        // With NodeLocalCRISocket the socket is in the node's instance-config.yaml and the Node is no longer annotated.
        if (KubeadmFeatureGates.IsEnabled(context.Config.Cluster.FeatureGates, KubeadmFeatureGates.NodeLocalCriSocket))
        {
            return;
        }

        var registration = context.Config.Init.NodeRegistration;
        try
        {
            var timeout = Timeout(context);
            var (node, problem) = await NodeRegistrationWait.WaitAsync(
                api, registration.Name, timeout, Kubeadm.Core.Health.HealthWaiter.DefaultInterval, context.Clock, cancellationToken).ConfigureAwait(false);
            if (node is null)
            {
                throw new ClusterApiException(
                    $"timed out after {GoDuration.Format(timeout)} waiting for the kubelet to register node \"{registration.Name}\": {problem}", 404);
            }

            await api.PatchNodeAsync(registration.Name, CriSocketAnnotation.Patch(registration.CriSocket), cancellationToken).ConfigureAwait(false);
        }
        catch (ClusterApiException e)
        {
            throw new KubeadmUserException($"Error writing Crisocket information for the control-plane node: {e.Message}", e);
        }
    }

    /// <summary>The same KubeletConfiguration kubelet-start wrote to config.yaml, before --patches and the instance config.</summary>
    private static async Task<V1ConfigMap> KubeletConfigMapAsync(InitContext context, CancellationToken cancellationToken)
    {
        var systemdResolvedActive = await KubeletService.IsActiveAsync(context, SystemdResolved, cancellationToken).ConfigureAwait(false);
        // kubelet-start has already shown the "recommended value" warnings for this configuration.
        var kubelet = KubeletConfigurationBuilder.Build(context.Config, systemdResolvedActive, _ => { });
        var userSupplied = context.Config.ComponentConfigs.Any(document => document.Kind == KubeletConfigurationBuilder.Kind);
        return KubeletConfigMap.Create(JsonYamlWriter.Write(kubelet), userSupplied);
    }

    private static TimeSpan Timeout(InitContext context) =>
        context.Config.Init.Timeouts.KubernetesApiCall ?? KubeadmConstants.KubernetesApiCallTimeout;
}
