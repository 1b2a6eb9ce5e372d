using System.Collections.Immutable;

namespace Kubeadm.Workflow;

/// <summary>Rejects phase trees that are programming errors rather than user errors.</summary>
internal static class PhaseTreeValidator
{
    public static void Validate<TContext>(ImmutableArray<PhaseNode<TContext>> nodes)
    {
        var paths = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            if (node.Name.Length == 0)
            {
                throw new ArgumentException($"phase under \"{node.Parent?.Path}\" has an empty name");
            }

            if (!paths.Add(node.Path))
            {
                throw new ArgumentException($"duplicate phase name: {node.Path}");
            }

            ValidateRunAllSiblings(node);
        }

        foreach (var node in nodes)
        {
            foreach (var dependency in node.Phase.Dependencies.Where(d => !paths.Contains(d)))
            {
                throw new ArgumentException($"phase {node.Path} depends on unknown phase {dependency}");
            }
        }
    }

    private static void ValidateRunAllSiblings<TContext>(PhaseNode<TContext> node)
    {
        var phase = node.Phase;
        if (!phase.RunAllSiblings)
        {
            return;
        }

        if (node.Parent is null)
        {
            throw new ArgumentException($"phase marked as RunAllSiblings must be nested: {node.Path}");
        }

        if (phase.Run is not null || phase.RunIf is not null || !phase.Children.IsEmpty)
        {
            throw new ArgumentException($"phase marked as RunAllSiblings can not have Run functions {node.Path}");
        }
    }
}
