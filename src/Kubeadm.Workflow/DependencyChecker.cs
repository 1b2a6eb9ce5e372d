using System.Collections.Immutable;

namespace Kubeadm.Workflow;

/// <summary>Ensures every selected phase has its dependencies selected earlier in the workflow.</summary>
internal static class DependencyChecker
{
    public static void Check<TContext>(ImmutableArray<PhaseNode<TContext>> nodes, PhaseSelection selection)
    {
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var missing = ImmutableArray.CreateBuilder<MissingDependency>();
        foreach (var node in nodes.Where(n => selection.IsSelected(n.Path)))
        {
            var absent = node.Phase.Dependencies.Where(d => !visited.Contains(d)).ToImmutableArray();
            if (!absent.IsEmpty)
            {
                missing.Add(new MissingDependency(node.Path, absent));
            }

            visited.Add(node.Path);
        }

        if (missing.Count > 0)
        {
            throw new PhaseDependencyException(missing.ToImmutable());
        }
    }
}
