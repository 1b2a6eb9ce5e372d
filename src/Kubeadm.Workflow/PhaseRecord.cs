namespace Kubeadm.Workflow;

/// <summary>The outcome and timing of one phase in a run.</summary>
/// <param name="Path">The phase path, e.g. "certs/apiserver".</param>
/// <param name="Outcome">What happened to the phase.</param>
/// <param name="Start">When the phase started (equal to End for skipped phases).</param>
/// <param name="End">When the phase finished.</param>
public sealed record PhaseRecord(string Path, PhaseOutcome Outcome, DateTimeOffset Start, DateTimeOffset End)
{
    /// <summary>How long the phase took.</summary>
    public TimeSpan Duration => End - Start;
}
