using k8s.Models;
using Kubeadm.App.ClusterApi;
using Kubeadm.Core.ClusterApi;
using Kubeadm.Core.Errors;
using Kubeadm.Core.Host;

namespace Kubeadm.App.Plan;

/// <summary>
/// Where a plan reads the cluster from: the API server named by a kubeconfig already on the node, when it answers
/// within a short probe; otherwise nothing (the plan then assumes a new, empty cluster and says why).
/// </summary>
/// <param name="Api">The read client, or null when no cluster could be read.</param>
/// <param name="Description">Which kubeconfig and server were read, or why none could be.</param>
public sealed record PlanClusterSource(IClusterApi? Api, string Description)
{
    /// <summary>How long the probe waits for the API server before the plan goes on without it.</summary>
    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Tries each kubeconfig in order (for init: super-admin.conf, whose group may read before kubeadm's RBAC exists,
    /// then admin.conf); the first that can read the kube-system namespace's ConfigMaps is used for every read.
    /// </summary>
    public static async Task<PlanClusterSource> ProbeAsync(
        IFileSystem hostFileSystem, IReadOnlyList<string> kubeconfigPaths, TimeSpan apiCallTimeout, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hostFileSystem);
        ArgumentNullException.ThrowIfNull(kubeconfigPaths);
        var reasons = new List<string>();
        foreach (var path in kubeconfigPaths.Distinct(StringComparer.Ordinal))
        {
            if (!hostFileSystem.FileExists(path))
            {
                continue;
            }

            try
            {
                var probe = ClusterClientFactory.FromKubeconfig(hostFileSystem, path, ProbeTimeout, clock);
                await probe.ListAsync<V1ConfigMap>("kube-system", null, cancellationToken).ConfigureAwait(false);
                return new PlanClusterSource(ClusterClientFactory.FromKubeconfig(hostFileSystem, path, apiCallTimeout, clock), $"read through {path}");
            }
            catch (KubeadmUserException e)
            {
                // ClusterApiException too: unreachable, TLS refused, forbidden.
                reasons.Add($"{path}: {e.Message}");
            }
        }

        var why = reasons.Count == 0
            ? $"no kubeconfig to reach it ({string.Join(", ", kubeconfigPaths.Distinct(StringComparer.Ordinal))} absent)"
            : string.Join("; ", reasons);
        return new PlanClusterSource(null, $"not reachable: {why}; objects are planned as on a new cluster");
    }
}
