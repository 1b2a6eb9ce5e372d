namespace Kubeadm.Core.Runtime;

/// <summary>
/// reset's container removal: every pod sandbox the runtime lists is stopped then removed (removing a sandbox removes
/// its containers), each tried up to 5 times back to back; errors are collected per sandbox.
/// </summary>
public static class PodSandboxRemover
{
    public const int Attempts = 5;

    /// <summary>The sandboxes kubeadm removes: all of them (kubeadm does not filter by namespace).</summary>
    public static async Task<IReadOnlyList<PodSandboxSummary>> ListAsync(IContainerRuntime runtime, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        try
        {
            return await runtime.ListPodSandboxesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (ContainerRuntimeException e)
        {
            throw new ContainerRuntimeException($"failed to list pod sandboxes: {e.Message}", e);
        }
    }

    /// <summary>Stops and removes each sandbox; returns one error per sandbox that could not be removed.</summary>
    public static async Task<IReadOnlyList<string>> RemoveAsync(
        IContainerRuntime runtime, IEnumerable<PodSandboxSummary> sandboxes, Action<PodSandboxSummary> removed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        ArgumentNullException.ThrowIfNull(sandboxes);
        ArgumentNullException.ThrowIfNull(removed);
        var errors = new List<string>();
        foreach (var sandbox in sandboxes)
        {
            string? error = null;
            for (var attempt = 0; attempt < Attempts; attempt++)
            {
                error = await StopAndRemoveAsync(runtime, sandbox.Id, cancellationToken).ConfigureAwait(false);
                if (error is null)
                {
                    break;
                }
            }

            if (error is null)
            {
                removed(sandbox);
            }
            else
            {
                errors.Add(error);
            }
        }

        return errors;
    }

    private static async Task<string?> StopAndRemoveAsync(IContainerRuntime runtime, string id, CancellationToken cancellationToken)
    {
        try
        {
            await runtime.StopPodSandboxAsync(id, cancellationToken).ConfigureAwait(false);
        }
        catch (ContainerRuntimeException e)
        {
            return $"failed to stop running pod {id}: {e.Message}";
        }

        try
        {
            await runtime.RemovePodSandboxAsync(id, cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (ContainerRuntimeException e)
        {
            return $"failed to remove pod {id}: {e.Message}";
        }
    }
}
