using System.Collections.Immutable;
using System.Text;

namespace Kubeadm.Workflow;

/// <summary>Renders the phase list appended to the workflow command's long help.</summary>
internal static class PhaseHelp
{
    private const int Offset = 2;

    public static string Render<TContext>(ImmutableArray<PhaseNode<TContext>> nodes, string commandUse)
    {
        var listed = nodes.Where(n => !n.Phase.Hidden && !n.Phase.RunAllSiblings).ToList();

        // Padded to the longest label without counting indentation, so nested descriptions sit further right.
        var width = listed.Count == 0 ? 0 : listed.Max(n => n.Use.Length);
        var text = new StringBuilder();
        text.Append("Phases of \"").Append(commandUse).Append("\", in the order they run:\n");
        foreach (var node in listed)
        {
            text.Append(' ', Offset * (node.Depth + 1))
                .Append(node.Use)
                .Append(' ', width - node.Use.Length + Offset)
                .Append(node.Phase.Short)
                .Append('\n');
        }

        return text.ToString().TrimEnd('\n');
    }
}
