using k8s.Models;
using Kubeadm.Core.ControlPlane;

namespace Kubeadm.Core.Etcd;

/// <summary>
/// kubeadm's way to find the etcd endpoints of a stacked cluster: the kube-system Pods labelled
/// component=etcd,tier=control-plane and their kubeadm.kubernetes.io/etcd.advertise-client-urls annotation.
/// </summary>
public static class EtcdEndpointDiscovery
{
    public const string Namespace = "kube-system";

    /// <summary>The endpoints and the names of etcd Pods without the annotation.</summary>
    public static (IReadOnlyList<string> Endpoints, IReadOnlyList<string> PodsWithoutAnnotation) FromPods(IEnumerable<V1Pod> pods)
    {
        ArgumentNullException.ThrowIfNull(pods);
        var endpoints = new List<string>();
        var missing = new List<string>();
        foreach (var pod in pods.Where(IsEtcdPod))
        {
            if (pod.Metadata?.Annotations?.TryGetValue(EtcdPodBuilder.AdvertiseClientUrlsAnnotation, out var url) is true && url.Length > 0)
            {
                endpoints.AddRange(url.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            }
            else
            {
                missing.Add(pod.Metadata?.Name ?? "");
            }
        }

        return ([.. endpoints.Distinct(StringComparer.Ordinal)], missing);
    }

    private static bool IsEtcdPod(V1Pod pod) =>
        pod.Metadata?.Labels is { } labels
        && labels.TryGetValue("component", out var component) && component == "etcd"
        && labels.TryGetValue("tier", out var tier) && tier == "control-plane";
}
