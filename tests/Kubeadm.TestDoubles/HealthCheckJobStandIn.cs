using k8s.Models;

namespace Kubeadm.Core.ClusterApi;

/// <summary>
/// Plays the Job controller and kubelet for kubeadm's upgrade health-check Job (CreateJob): marks the Job succeeded
/// once it exists, as a cluster that runs Pods would.
/// </summary>
public static class HealthCheckJobStandIn
{
    /// <summary>The name of kubeadm's health-check Job in kube-system.</summary>
    public const string JobName = "upgrade-health-check";

    public static async Task CompleteAsync(InMemoryClusterApi cluster, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var job = await cluster.GetAsync<V1Job>("kube-system", JobName, cancellationToken).ConfigureAwait(false);
        if (job is not null && job.Status?.Succeeded is not > 0)
        {
            job.Status = new V1JobStatus { Succeeded = 1 };
            cluster.Seed(job);
        }
    }

    /// <summary>Completes the Job whenever one appears, until <paramref name="cancellationToken"/> is cancelled.</summary>
    public static async Task RunAsync(InMemoryClusterApi cluster, CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await CompleteAsync(cluster, cancellationToken).ConfigureAwait(false);
                await Task.Delay(5, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped by the test.
        }
    }
}
