namespace Kubeadm.Workflow;

/// <summary>A phase placed in the flattened workflow tree.</summary>
/// <typeparam name="TContext">The data shared by all phases of the workflow.</typeparam>
/// <param name="Path">Slash-separated absolute name, e.g. "certs/apiserver"; used by filters.</param>
/// <param name="Name">The cleaned phase name, also the sub-command name, e.g. "apiserver".</param>
/// <param name="Depth">0 for top-level phases.</param>
/// <param name="Phase">The phase definition.</param>
/// <param name="Parent">The enclosing node, or null for top-level phases.</param>
public sealed record PhaseNode<TContext>(string Path, string Name, int Depth, Phase<TContext> Phase, PhaseNode<TContext>? Parent)
{
    /// <summary>The label used in the help list: the name, prefixed with "/" for nested phases.</summary>
    public string Use => Parent is null ? Name : PhasePaths.Separator + Name;

    /// <summary>The filter that the "init phase ..." sub-command for this node passes to Select.</summary>
    public string CommandFilter => Phase.RunAllSiblings && Parent is not null ? Parent.Path : Path;

    /// <summary>Whether the node has nested phases (its sub-command then only prints help).</summary>
    public bool HasChildren => !Phase.Children.IsEmpty;
}
