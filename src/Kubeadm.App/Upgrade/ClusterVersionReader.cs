using k8s.Models;
using Kubeadm.Core.Addons;
using Kubeadm.Core.ClusterApi;
using Kubeadm.Core.Errors;
using Kubeadm.Core.Upgrade;
using Kubeadm.Core.UploadConfig;

namespace Kubeadm.App.Upgrade;

/// <summary>
/// Reads what the cluster runs the way kubeadm's version getter does: each control-plane component's version from
/// the image of its mirror Pods in kube-system (labels component=&lt;name&gt;, tier=control-plane), each Node's
/// kubelet version, the CoreDNS version from the image of the Deployment labelled k8s-app=kube-dns, and the
/// component-config documents stored in the kube-proxy and kubelet-config ConfigMaps.
/// </summary>
public static class ClusterVersionReader
{
    private const string SystemNamespace = "kube-system";

    public static async Task<ClusterComponentVersions> ReadComponentsAsync(IClusterApi api, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(api);
        var pods = await api.ListAsync<V1Pod>(SystemNamespace, null, cancellationToken).ConfigureAwait(false);
        var nodes = await ListNodesAsync(api, cancellationToken).ConfigureAwait(false);
        return new ClusterComponentVersions
        {
            KubeApiServer = ControlPlaneVersions(pods, UpgradePlanBuilder.KubeApiServer),
            KubeControllerManager = ControlPlaneVersions(pods, UpgradePlanBuilder.KubeControllerManager),
            KubeScheduler = ControlPlaneVersions(pods, UpgradePlanBuilder.KubeScheduler),
            Etcd = ControlPlaneVersions(pods, UpgradePlanBuilder.Etcd),
            Kubelet = KubeletVersions(nodes),
            DnsVersion = await DnsVersionAsync(api, cancellationToken).ConfigureAwait(false),
        };
    }

    /// <summary>Kubelet version → Node names, for the version-skew policy.</summary>
    public static NodeVersions KubeletVersions(IEnumerable<V1Node> nodes)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        return NodeVersions.From(nodes.Select(n => (n.Status?.NodeInfo?.KubeletVersion ?? "", n.Metadata.Name)));
    }

    /// <summary>Every Node, or kubeadm's error when they cannot be listed.</summary>
    public static async Task<IReadOnlyList<V1Node>> ListNodesAsync(IClusterApi api, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(api);
        try
        {
            return await api.ListAsync<V1Node>("", null, cancellationToken).ConfigureAwait(false);
        }
        catch (ClusterApiException e)
        {
            throw new KubeadmUserException($"couldn't list all nodes in cluster: {e.Message}", e);
        }
    }

    /// <summary>The component's version per node, read from the first container image of its control-plane Pods.</summary>
    public static NodeVersions ControlPlaneVersions(IEnumerable<V1Pod> pods, string component)
    {
        ArgumentNullException.ThrowIfNull(pods);
        return NodeVersions.From(pods
            .Where(p => Label(p, "component") == component && Label(p, "tier") == "control-plane")
            .Where(p => p.Spec?.Containers is { Count: > 0 })
            .Select(p => (ImageVersion.FromImage(p.Spec.Containers[0].Image ?? ""), p.Spec.NodeName ?? "")));
    }

    /// <summary>The CoreDNS image tag ("" without a DNS Deployment); more than one DNS Deployment is an error, as in kubeadm.</summary>
    public static async Task<string> DnsVersionAsync(IClusterApi api, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(api);
        var deployments = (await api.ListAsync<V1Deployment>(SystemNamespace, null, cancellationToken).ConfigureAwait(false))
            .Where(d => d.Metadata.Labels?.TryGetValue("k8s-app", out var app) is true && app == "kube-dns")
            .ToList();
        return deployments.Count switch
        {
            0 => "",
            1 => deployments[0].Spec?.Template?.Spec?.Containers is { Count: > 0 } containers ? containers[0].Image.Split(':')[^1] : "",
            _ => throw new KubeadmUserException(
                "multiple DNS addon deployments found: " + string.Join(", ", deployments.Select(d => d.Metadata.Name))),
        };
    }

    /// <summary>The component-config version states from the kube-proxy and kubelet-config ConfigMaps.</summary>
    public static async Task<IReadOnlyList<ComponentConfigVersionState>> ReadConfigVersionsAsync(IClusterApi api, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(api);
        var proxy = await api.GetAsync<V1ConfigMap>(SystemNamespace, KubeProxyManifests.Name, cancellationToken).ConfigureAwait(false);
        var kubelet = await api.GetAsync<V1ConfigMap>(KubeletConfigMap.Namespace, KubeletConfigMap.Name, cancellationToken).ConfigureAwait(false);
        return ComponentConfigVersions.States(Value(proxy, KubeProxyManifests.ConfigKey), Value(kubelet, KubeletConfigMap.KubeletKey));
    }

    private static string? Value(V1ConfigMap? configMap, string key) =>
        configMap?.Data is { } data && data.TryGetValue(key, out var value) ? value : null;

    private static string? Label(V1Pod pod, string key) =>
        pod.Metadata?.Labels is { } labels && labels.TryGetValue(key, out var value) ? value : null;
}
