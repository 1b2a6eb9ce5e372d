using Kubeadm.Core.Errors;
using Kubeadm.Core.Pki;
using Kubeadm.Core.Preflight;

namespace Kubeadm.App.Plan;

/// <summary>
/// Turns the error a phase would stop the run with into a conflict entry: the file it names, why, and what to do.
/// The reason is the phase's own error (the real run prints the same); the fix is chosen by phase and error kind.
/// </summary>
public static class ConflictAdvice
{
    /// <param name="phase">The phase path, e.g. "certs/apiserver".</param>
    /// <param name="error">What the phase threw.</param>
    /// <param name="errorLines">The "[ERROR …]" lines the phase printed (preflight), if any.</param>
    /// <param name="phaseCommand">The command that re-runs one phase, e.g. "kubeadm init phase" (flags follow the phase name).</param>
    /// <param name="commandFlags">Flags to repeat on that command, e.g. " --config kubeadm.yaml".</param>
    public static PlannedItem For(string phase, Exception error, IReadOnlyList<string> errorLines, string phaseCommand, string commandFlags)
    {
        ArgumentNullException.ThrowIfNull(phase);
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(errorLines);
        var reason = error is PreflightFailedException && errorLines.Count > 0
            ? string.Join("; ", errorLines.Select(line => line.Trim()))
            : error.Message;
        var subPhase = phase.Contains('/', StringComparison.Ordinal) ? phase[(phase.LastIndexOf('/') + 1)..] : phase;
        var rerun = $"{phaseCommand} {phase.Replace('/', ' ')}{commandFlags}";
        if (error is PkiFileException { Path.Length: > 0 } file)
        {
            return new PlannedItem
            {
                Phase = phase,
                Kind = "file",
                Name = file.Path,
                Action = Core.Plan.PlanAction.Conflict,
                Reason = reason,
                Fix = FixForFile(phase, subPhase, file.Path, rerun),
            };
        }

        return new PlannedItem
        {
            Phase = phase,
            Kind = "phase",
            Name = phase,
            Action = Core.Plan.PlanAction.Conflict,
            Reason = reason,
            Fix = error switch
            {
                Join.ForeignNodeStateException =>
                    "run 'kubeadm reset' on this node (it removes the other cluster's files), or move the files the error names out of the way (keep them as a backup); then run the plan again",
                PreflightFailedException => "fix what the failed checks name; where a check is expected to fail on this node, add its name to --ignore-preflight-errors",
                _ when phase.StartsWith("kubeconfig/", StringComparison.Ordinal) =>
                    $"move the kubeconfig file the error names out of the way (keep it as a backup), then run: {rerun}",
                KubeadmUserException => "correct what the error names, then run the plan again",
                _ => null,
            },
        };
    }

    private static string FixForFile(string phase, string subPhase, string path, string rerun)
    {
        var stem = path.EndsWith(".crt", StringComparison.Ordinal) || path.EndsWith(".key", StringComparison.Ordinal) ? path[..^4] : path;
        if (phase.StartsWith("kubeconfig/", StringComparison.Ordinal))
        {
            return $"move {path} out of the way (keep it as a backup), then run: {rerun}";
        }

        if (subPhase.EndsWith("ca", StringComparison.Ordinal))
        {
            return $"restore the matching {stem}.crt and {stem}.key from a backup; a new CA means re-issuing every certificate and kubeconfig it signed (kubeadm reset, then kubeadm init)";
        }

        if (subPhase == "sa")
        {
            return $"restore {stem}.key, or remove {stem}.key and {stem}.pub to have a new pair made (tokens signed with the old key stop working), then run: {rerun}";
        }

        return $"move {stem}.crt and {stem}.key out of the way (keep them as a backup), then run: {rerun} "
            + "(it issues them again from the configuration); the components using them pick them up when restarted";
    }
}
