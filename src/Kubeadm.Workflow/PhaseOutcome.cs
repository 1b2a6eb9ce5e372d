namespace Kubeadm.Workflow;

/// <summary>What happened to a phase during a run.</summary>
public enum PhaseOutcome
{
    /// <summary>The phase ran (or was a container without an action) and succeeded.</summary>
    Ran,

    /// <summary>The phase was removed by the user's skip list.</summary>
    SkippedByUser,

    /// <summary>The phase's (or an ancestor's) RunIf returned false.</summary>
    SkippedByRunIf,

    /// <summary>The phase's RunIf or Run threw.</summary>
    Failed,
}
