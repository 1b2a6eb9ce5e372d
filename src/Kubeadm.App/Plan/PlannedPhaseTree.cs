using System.Collections.Immutable;
using Kubeadm.Workflow;

namespace Kubeadm.App.Plan;

/// <summary>
/// The phase tree of a plan run: the same phases, each of whose work, when it fails, records a conflict and lets the
/// run go on, so one plan lists every conflict instead of stopping at the first (the real run stops there).
/// </summary>
public static class PlannedPhaseTree
{
    /// <param name="phases">The command's real phase tree.</param>
    /// <param name="session">Told when each phase starts, and of each failure instead of stopping the run.</param>
    public static ImmutableArray<Phase<TContext>> Wrap<TContext>(ImmutableArray<Phase<TContext>> phases, PlanSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return Wrap(phases, "", session);
    }

    private static ImmutableArray<Phase<TContext>> Wrap<TContext>(ImmutableArray<Phase<TContext>> phases, string parent, PlanSession session) =>
        [.. phases.Select(phase =>
        {
            var path = parent.Length == 0 ? phase.Name : $"{parent}/{phase.Name}";
            var run = phase.Run;
            return phase with
            {
                Children = Wrap(phase.Children, path, session),
                Run = run is null ? null : async (context, cancellationToken) =>
                {
                    session.Enter(path);
                    try
                    {
                        await run(context, cancellationToken).ConfigureAwait(false);
                    }
                    catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                    {
                        session.Fail(path, e);
                    }
                },
            };
        })];
}
