using System.Collections.Immutable;

namespace Kubeadm.Workflow;

/// <summary>Selects and runs the phases of a composable workflow, like kubeadm's workflow runner.</summary>
/// <typeparam name="TContext">The data shared by all phases of the workflow.</typeparam>
public sealed class PhaseRunner<TContext>
{
    private readonly LazyContext<TContext> _context;
    private readonly TimeProvider _time;

    /// <param name="phases">The ordered top-level phases.</param>
    /// <param name="contextFactory">Builds the shared context once, on first use (never for help).</param>
    /// <param name="timeProvider">Clock for phase timings; defaults to <see cref="TimeProvider.System"/>.</param>
    public PhaseRunner(IEnumerable<Phase<TContext>> phases, Func<TContext> contextFactory, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(phases);
        ArgumentNullException.ThrowIfNull(contextFactory);
        Nodes = PhaseTree.Flatten(phases);
        _context = new LazyContext<TContext>(contextFactory);
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Every phase, parents right before their children, in execution order.</summary>
    public ImmutableArray<PhaseNode<TContext>> Nodes { get; }

    /// <summary>Whether the shared context has been built.</summary>
    public bool IsContextCreated => _context.IsCreated;

    /// <summary>
    /// Computes the phases to run. An empty filter selects everything; each filter or skip entry
    /// covers that phase and its subtree; skip beats filter.
    /// </summary>
    /// <exception cref="UnknownPhaseException">An entry names no phase.</exception>
    /// <exception cref="PhaseDependencyException">A selected phase lacks a dependency.</exception>
    public PhaseSelection Select(IReadOnlyCollection<string> filter, IReadOnlyCollection<string> skip)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(skip);
        return PhaseSelector.Select(Nodes, filter, skip);
    }

    /// <summary>The filter for the "phase" sub-command of <paramref name="path"/>: an "all" marker selects its parent.</summary>
    /// <exception cref="UnknownPhaseException">The path names no phase.</exception>
    public string FilterForPhaseCommand(string path)
    {
        var node = Nodes.FirstOrDefault(n => n.Path == path)
            ?? throw new UnknownPhaseException(path, Nodes.Select(n => n.Path).ToImmutableArray());
        return node.CommandFilter;
    }

    /// <summary>Returns the shared context, building it on the first call.</summary>
    public TContext GetOrCreateContext() => _context.Get();

    /// <summary>Runs the selected phases depth-first in declaration order.</summary>
    /// <exception cref="PhaseExecutionException">A phase failed; carries the partial result.</exception>
    public Task<WorkflowResult> RunAsync(PhaseSelection selection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(selection);
        return new WorkflowExecution<TContext>(Nodes, selection, _context, _time).RunAsync(cancellationToken);
    }

    /// <summary>The phase list block for the long help of the command named <paramref name="commandUse"/>.</summary>
    public string Help(string commandUse)
    {
        ArgumentNullException.ThrowIfNull(commandUse);
        return PhaseHelp.Render(Nodes, commandUse);
    }
}
