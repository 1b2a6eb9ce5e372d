using System.Collections.Immutable;

namespace Kubeadm.Workflow;

/// <summary>The per-phase records of a run, in execution order.</summary>
/// <param name="Phases">
/// One record per phase that was selected or skipped by the user; phases outside the filter
/// and "all" markers are not recorded.
/// </param>
public sealed record WorkflowResult(ImmutableArray<PhaseRecord> Phases);
