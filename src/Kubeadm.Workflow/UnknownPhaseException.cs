using System.Collections.Immutable;

namespace Kubeadm.Workflow;

/// <summary>A filter or skip entry names no phase of the workflow (a user error).</summary>
public sealed class UnknownPhaseException : ArgumentException
{
    public UnknownPhaseException()
        : this("", [])
    {
    }

    public UnknownPhaseException(string message)
        : base(message)
    {
    }

    public UnknownPhaseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public UnknownPhaseException(string phaseName, ImmutableArray<string> validPhaseNames)
        : base($"invalid phase name: {phaseName}")
    {
        PhaseName = phaseName;
        ValidPhaseNames = validPhaseNames;
    }

    /// <summary>The name that matched no phase.</summary>
    public string PhaseName { get; } = "";

    /// <summary>All accepted phase paths, in workflow order.</summary>
    public ImmutableArray<string> ValidPhaseNames { get; } = [];
}
