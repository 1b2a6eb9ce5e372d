using Kubeadm.Workflow;

namespace Kubeadm.App.Reset;

/// <summary>The `kubeadm reset` workflow, in kubeadm's order, and the notes it prints when done.</summary>
public static class ResetPhaseTree
{
    /// <summary>What kubeadm prints after a successful reset (blank lines included).</summary>
    public const string ManualCleanupInstructions = """

        The reset process does not perform cleanup of CNI plugin configuration,
        network filtering rules and kubeconfig files.

        For information on how to perform this cleanup manually, please see:
            https://k8s.io/docs/reference/setup-tools/kubeadm/kubeadm-reset/


        """;

    public static IReadOnlyList<Phase<ResetContext>> Create() =>
        [ResetPreflightPhase.Create(), RemoveEtcdMemberPhase.Create(), CleanupNodePhase.Create()];

    /// <summary>Lists, after the run, what reset could not do (each was already warned about when it happened).</summary>
    public static void PrintUnfinished(ResetContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Unfinished.Count == 0)
        {
            return;
        }

        context.Err.WriteLine("[reset] Not everything could be reset; still to do by hand:");
        foreach (var item in context.Unfinished)
        {
            context.Err.WriteLine($"\t- {(item.StartsWith("[reset] ", StringComparison.Ordinal) ? item["[reset] ".Length..] : item)}");
        }
    }
}
