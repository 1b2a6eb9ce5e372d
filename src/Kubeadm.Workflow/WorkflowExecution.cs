using System.Collections.Immutable;

namespace Kubeadm.Workflow;

/// <summary>One depth-first pass over the selected phases, recording each outcome.</summary>
internal sealed class WorkflowExecution<TContext>(
    ImmutableArray<PhaseNode<TContext>> nodes, PhaseSelection selection, LazyContext<TContext> context, TimeProvider time)
{
    private readonly ImmutableArray<PhaseRecord>.Builder _records = ImmutableArray.CreateBuilder<PhaseRecord>();
    private readonly HashSet<string> _conditionFalse = new(StringComparer.Ordinal);

    public async Task<WorkflowResult> RunAsync(CancellationToken cancellationToken)
    {
        foreach (var node in nodes.Where(n => !n.Phase.RunAllSiblings))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!selection.IsSelected(node.Path))
            {
                if (selection.IsSkippedByUser(node.Path))
                {
                    RecordInstant(node, PhaseOutcome.SkippedByUser);
                }
            }
            else if (HasConditionFalseAncestor(node))
            {
                RecordInstant(node, PhaseOutcome.SkippedByRunIf);
            }
            else
            {
                await ExecuteAsync(node, cancellationToken).ConfigureAwait(false);
            }
        }

        return Result();
    }

    private async Task ExecuteAsync(PhaseNode<TContext> node, CancellationToken cancellationToken)
    {
        var phase = node.Phase;
        if (phase.RunIf is null && phase.Run is null)
        {
            RecordInstant(node, PhaseOutcome.Ran);
            return;
        }

        // Built outside the try: a failing factory is not a phase failure, as in kubeadm.
        var data = context.Get();
        var start = time.GetUtcNow();
        var inRunCondition = true;
        try
        {
            if (phase.RunIf is not null && !phase.RunIf(data))
            {
                _conditionFalse.Add(node.Path);
                Record(node, PhaseOutcome.SkippedByRunIf, start);
                return;
            }

            inRunCondition = false;
            if (phase.Run is not null)
            {
                await phase.Run(data, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            Record(node, PhaseOutcome.Failed, start);
            throw new PhaseExecutionException(node.Path, inRunCondition, ex, Result());
        }

        Record(node, PhaseOutcome.Ran, start);
    }

    private bool HasConditionFalseAncestor(PhaseNode<TContext> node)
    {
        for (var parent = node.Parent; parent is not null; parent = parent.Parent)
        {
            if (_conditionFalse.Contains(parent.Path))
            {
                return true;
            }
        }

        return false;
    }

    private void RecordInstant(PhaseNode<TContext> node, PhaseOutcome outcome) =>
        Record(node, outcome, time.GetUtcNow());

    private void Record(PhaseNode<TContext> node, PhaseOutcome outcome, DateTimeOffset start) =>
        _records.Add(new PhaseRecord(node.Path, outcome, start, time.GetUtcNow()));

    /// <summary>A parent phase's record spans its sub-phases, so its duration is the time the whole group took.</summary>
    private WorkflowResult Result()
    {
        var records = _records.ToImmutable();
        return new([.. records.Select(record => Spanning(record, records))]);
    }

    private static PhaseRecord Spanning(PhaseRecord parent, ImmutableArray<PhaseRecord> records)
    {
        var prefix = parent.Path + PhasePaths.Separator;
        var lastEnd = records
            .Where(record => record.Path.StartsWith(prefix, StringComparison.Ordinal))
            .Select(record => record.End)
            .DefaultIfEmpty(parent.End)
            .Max();
        return lastEnd > parent.End ? parent with { End = lastEnd } : parent;
    }
}
