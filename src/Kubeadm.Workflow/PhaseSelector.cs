using System.Collections.Immutable;

namespace Kubeadm.Workflow;

/// <summary>Turns filter and skip lists into a <see cref="PhaseSelection"/>.</summary>
internal static class PhaseSelector
{
    public static PhaseSelection Select<TContext>(
        ImmutableArray<PhaseNode<TContext>> nodes, IReadOnlyCollection<string> filter, IReadOnlyCollection<string> skip)
    {
        var validNames = nodes.Select(n => n.Path).ToImmutableArray();
        var included = new HashSet<string>(StringComparer.Ordinal);
        if (filter.Count == 0)
        {
            included.UnionWith(validNames);
        }

        foreach (var name in filter)
        {
            included.UnionWith(Subtree(nodes, name, validNames));
        }

        var skipped = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in skip)
        {
            skipped.UnionWith(Subtree(nodes, name, validNames));
        }

        // Skip beats filter.
        var selection = new PhaseSelection(
            validNames.Where(p => included.Contains(p) && !skipped.Contains(p)).ToImmutableArray(),
            validNames.Where(p => included.Contains(p) && skipped.Contains(p)).ToImmutableArray());
        DependencyChecker.Check(nodes, selection);
        return selection;
    }

    private static IEnumerable<string> Subtree<TContext>(
        ImmutableArray<PhaseNode<TContext>> nodes, string name, ImmutableArray<string> validNames)
    {
        // Matched exactly like kubeadm: paths are lower-case, so "Certs" is not a valid name.
        if (!validNames.Contains(name, StringComparer.Ordinal))
        {
            throw new UnknownPhaseException(name, validNames);
        }

        return nodes.Where(n => n.Path == name || n.Path.StartsWith(name + PhasePaths.Separator, StringComparison.Ordinal))
            .Select(n => n.Path);
    }
}
