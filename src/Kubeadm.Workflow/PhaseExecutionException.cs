namespace Kubeadm.Workflow;

/// <summary>A phase's RunIf or Run threw; wraps the original exception.</summary>
public sealed class PhaseExecutionException : Exception
{
    public PhaseExecutionException()
    {
    }

    public PhaseExecutionException(string message)
        : base(message)
    {
    }

    public PhaseExecutionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public PhaseExecutionException(string phasePath, bool inRunCondition, Exception innerException, WorkflowResult result)
        : base(Describe(phasePath, inRunCondition, innerException), innerException)
    {
        PhasePath = phasePath;
        Result = result;
    }

    /// <summary>The path of the failed phase.</summary>
    public string PhasePath { get; } = "";

    /// <summary>The records up to and including the failed phase.</summary>
    public WorkflowResult Result { get; } = new([]);

    private static string Describe(string phasePath, bool inRunCondition, Exception innerException)
    {
        ArgumentNullException.ThrowIfNull(innerException);
        var prefix = inRunCondition ? "error execution run condition for phase " : "error execution phase ";
        return $"{prefix}{phasePath}: {innerException.Message}";
    }
}
