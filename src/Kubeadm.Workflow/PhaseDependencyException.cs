using System.Collections.Immutable;
using System.Text;

namespace Kubeadm.Workflow;

/// <summary>The selection runs a phase without the phases it depends on (a user error).</summary>
public sealed class PhaseDependencyException : ArgumentException
{
    public PhaseDependencyException()
    {
    }

    public PhaseDependencyException(string message)
        : base(message)
    {
    }

    public PhaseDependencyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public PhaseDependencyException(ImmutableArray<MissingDependency> missing)
        : base(Describe(missing))
    {
        Missing = missing;
    }

    /// <summary>Each dependant phase with the dependencies it lacks, in workflow order.</summary>
    public ImmutableArray<MissingDependency> Missing { get; } = [];

    private static string Describe(ImmutableArray<MissingDependency> missing)
    {
        var text = new StringBuilder("unresolved dependencies:");
        foreach (var entry in missing)
        {
            text.Append("\n\tmissing [").AppendJoin(' ', entry.Dependencies)
                .Append("] phase(s) needed by \"").Append(entry.PhasePath).Append("\" phase");
        }

        return text.ToString();
    }
}
