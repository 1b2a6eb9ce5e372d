using System.Collections.Immutable;

namespace Kubeadm.Workflow;

/// <summary>Flattens and validates a phase tree in execution order (a parent right before its children).</summary>
internal static class PhaseTree
{
    public static ImmutableArray<PhaseNode<TContext>> Flatten<TContext>(IEnumerable<Phase<TContext>> phases)
    {
        var nodes = ImmutableArray.CreateBuilder<PhaseNode<TContext>>();
        foreach (var phase in phases)
        {
            Add(nodes, phase, parent: null);
        }

        var result = nodes.ToImmutable();
        PhaseTreeValidator.Validate(result);
        return result;
    }

    private static void Add<TContext>(
        ImmutableArray<PhaseNode<TContext>>.Builder nodes, Phase<TContext> phase, PhaseNode<TContext>? parent)
    {
        ArgumentNullException.ThrowIfNull(phase);
        var name = PhasePaths.CleanName(phase.Name ?? "");
        var node = new PhaseNode<TContext>(
            PhasePaths.Combine(parent?.Path, name), name, parent is null ? 0 : parent.Depth + 1, phase, parent);
        nodes.Add(node);
        foreach (var child in phase.Children)
        {
            Add(nodes, child, node);
        }
    }
}
