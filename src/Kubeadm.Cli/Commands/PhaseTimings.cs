using System.Globalization;
using Kubeadm.Workflow;

namespace Kubeadm.Cli.Commands;

/// <summary>At -v=1 or higher, how long each phase took and how it ended.</summary>
public static class PhaseTimings
{
    public static void Print(TextWriter output, WorkflowResult result, int verbosity)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(result);
        if (verbosity < 1)
        {
            return;
        }

        foreach (var phase in result.Phases)
        {
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"[phase-timing] {phase.Path,-45} {phase.Outcome,-15} {phase.Duration.TotalMilliseconds,9:F1} ms"));
        }
    }
}
