using Kubeadm.Core.Runtime;

namespace Kubeadm.App.Reset;

/// <summary>
/// cleanup-node's container step: every pod sandbox the runtime lists is stopped and removed through CRI (which
/// removes its containers). Failures, a runtime that is down included, are the warning kubeadm prints.
/// </summary>
internal static class KubeContainers
{
    public static async Task RemoveAsync(ResetContext context, CancellationToken cancellationToken)
    {
        if (context.Verbosity >= 1 && !context.DryRun)
        {
            context.Err.WriteLine("[reset] Removing Kubernetes-managed containers");
        }

        if (context.DryRun)
        {
            context.Out.WriteLine("[reset] Would remove Kubernetes-managed containers");
        }

        try
        {
            await using var runtime = context.ContainerRuntime();
            var sandboxes = await PodSandboxRemover.ListAsync(runtime, cancellationToken).ConfigureAwait(false);
            if (context.DryRun)
            {
                foreach (var sandbox in sandboxes)
                {
                    context.Out.WriteLine($"[reset] Would stop and remove pod sandbox {sandbox.Id} ({Describe(sandbox)})");
                }

                return;
            }

            var errors = await PodSandboxRemover.RemoveAsync(
                runtime,
                sandboxes,
                sandbox =>
                {
                    if (context.Verbosity >= 1)
                    {
                        context.Err.WriteLine($"[reset] Removed pod sandbox {sandbox.Id} ({Describe(sandbox)})");
                    }
                },
                cancellationToken).ConfigureAwait(false);
            if (errors.Count > 0)
            {
                context.ReportUnfinished($"[reset] Failed to remove containers: [{string.Join(", ", errors)}]");
            }
        }
        catch (ContainerRuntimeException e)
        {
            context.ReportUnfinished(context.DryRun
                ? $"[reset] Cannot list the containers that would be removed: {e.Message}"
                : $"[reset] Failed to remove containers: {e.Message}");
        }
    }

    private static string Describe(PodSandboxSummary sandbox) =>
        sandbox.Namespace.Length > 0 ? $"{sandbox.Namespace}/{sandbox.Name}" : sandbox.Name;
}
