using System.Collections.Immutable;

namespace Kubeadm.Workflow;

/// <summary>A selected phase whose dependencies are not selected before it.</summary>
/// <param name="PhasePath">The dependant phase.</param>
/// <param name="Dependencies">The dependency paths missing from the selection.</param>
public sealed record MissingDependency(string PhasePath, ImmutableArray<string> Dependencies);
