using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace Kubeadm.Workflow;

/// <summary>
/// One step of a composable workflow, possibly with nested, ordered sub-phases.
/// </summary>
/// <typeparam name="TContext">The data shared by all phases of the workflow.</typeparam>
public sealed record Phase<TContext>
{
    /// <summary>
    /// The phase name, unique among siblings. It is lower-cased and cut at the first space
    /// ("bar [arg]" becomes "bar") to build the phase path.
    /// </summary>
    public required string Name { get; init; }

    /// <summary>Alternative command names for the phase sub-command (not accepted by filters).</summary>
    public ImmutableArray<string> Aliases { get; init => field = value.IsDefault ? [] : value; } = [];

    /// <summary>One-line description shown in the workflow help.</summary>
    [SuppressMessage("Naming", "CA1720", Justification = "Mirrors the cobra/kubeadm field the CLI maps to.")]
    public string Short { get; init; } = "";

    /// <summary>Long description of the phase sub-command.</summary>
    [SuppressMessage("Naming", "CA1720", Justification = "Mirrors the cobra/kubeadm field the CLI maps to.")]
    public string Long { get; init; } = "";

    /// <summary>Usage example of the phase sub-command.</summary>
    public string Example { get; init; } = "";

    /// <summary>Hidden phases are left out of the help list and get no sub-command.</summary>
    public bool Hidden { get; init; }

    /// <summary>Nested phases, in execution order.</summary>
    public ImmutableArray<Phase<TContext>> Children { get; init => field = value.IsDefault ? [] : value; } = [];

    /// <summary>
    /// Marks the "all" sub-command: invoking it runs every sibling. It never runs itself and
    /// may have no <see cref="Run"/>, <see cref="RunIf"/> or <see cref="Children"/>.
    /// </summary>
    public bool RunAllSiblings { get; init; }

    /// <summary>Condition checked before running; when false the phase and its subtree are skipped.</summary>
    public Func<TContext, bool>? RunIf { get; init; }

    /// <summary>The phase action; container phases may have none.</summary>
    public Func<TContext, CancellationToken, Task>? Run { get; init; }

    /// <summary>Flags of the parent command that the phase sub-command should expose.</summary>
    public ImmutableArray<string> InheritFlags { get; init => field = value.IsDefault ? [] : value; } = [];

    /// <summary>
    /// Paths of phases that must be selected and come earlier in the workflow whenever this one is selected.
    /// </summary>
    public ImmutableArray<string> Dependencies { get; init => field = value.IsDefault ? [] : value; } = [];
}
