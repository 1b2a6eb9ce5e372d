using System.Collections.Immutable;

namespace Kubeadm.Workflow;

/// <summary>Which phases a run executes, as computed by <see cref="PhaseRunner{TContext}.Select"/>.</summary>
public sealed class PhaseSelection
{
    private readonly ImmutableHashSet<string> _selected;
    private readonly ImmutableHashSet<string> _skippedByUser;

    internal PhaseSelection(ImmutableArray<string> selectedPaths, ImmutableArray<string> skippedPaths)
    {
        SelectedPaths = selectedPaths;
        SkippedPaths = skippedPaths;
        _selected = selectedPaths.ToImmutableHashSet(StringComparer.Ordinal);
        _skippedByUser = skippedPaths.ToImmutableHashSet(StringComparer.Ordinal);
    }

    /// <summary>Paths that will be visited, in execution order.</summary>
    public ImmutableArray<string> SelectedPaths { get; }

    /// <summary>Paths the filter admitted but the skip list removed, in execution order.</summary>
    public ImmutableArray<string> SkippedPaths { get; }

    /// <summary>Whether the phase at <paramref name="path"/> will be visited.</summary>
    public bool IsSelected(string path) => _selected.Contains(path);

    /// <summary>Whether the phase at <paramref name="path"/> was removed by the skip list.</summary>
    public bool IsSkippedByUser(string path) => _skippedByUser.Contains(path);
}
