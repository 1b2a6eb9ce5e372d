namespace Kubeadm.Core.Preflight;

/// <summary>
/// Runs checks in order and prints what they find as kubeadm does: each warning at once as
/// <c>\t[WARNING Name]: message</c>; errors collected and printed together after the last check, followed by how to
/// fix each failed check (an addition to kubeadm's output). Errors of ignored checks are printed as warnings.
/// </summary>
public static class PreflightChecksRunner
{
    public const string FatalErrorsHeader = "[preflight] Some fatal errors occurred:";

    public const string IgnoreHint =
        "[preflight] If you know what you are doing, you can make a check non-fatal with `--ignore-preflight-errors=...`";

    public static async Task<PreflightReport> RunAsync(
        IReadOnlyList<PreflightCheck> checks, IgnoredPreflightErrors ignored, TextWriter err, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(checks);
        ArgumentNullException.ThrowIfNull(ignored);
        ArgumentNullException.ThrowIfNull(err);
        var findings = new List<PreflightFinding>();
        foreach (var check in checks)
        {
            var outcome = await check.RunAsync(cancellationToken).ConfigureAwait(false);
            var fatal = !ignored.Covers(check.Name);
            var warnings = fatal ? outcome.Warnings : [.. outcome.Warnings, .. outcome.Errors];
            foreach (var warning in warnings)
            {
                err.WriteLine($"\t[WARNING {check.Name}]: {warning}");
                findings.Add(new PreflightFinding(check.Name, warning, IsFatal: false));
            }

            if (fatal)
            {
                findings.AddRange(outcome.Errors.Select(error => new PreflightFinding(check.Name, error, IsFatal: true)));
            }
        }

        var report = new PreflightReport(findings);
        if (report.Failed)
        {
            WriteErrors(report, err);
        }

        return report;
    }

    private static void WriteErrors(PreflightReport report, TextWriter err)
    {
        err.WriteLine(FatalErrorsHeader);
        foreach (var error in report.Errors)
        {
            err.WriteLine($"\t[ERROR {error.CheckName}]: {error.Message}");
        }

        err.WriteLine(IgnoreHint);
        var failedChecks = report.Errors.Select(e => e.CheckName).Distinct(StringComparer.Ordinal).ToList();
        err.WriteLine($"[preflight] How to fix the {failedChecks.Count} failed check(s):");
        foreach (var name in failedChecks)
        {
            err.WriteLine($"\t- {name}: {PreflightFixHints.For(name)}");
        }
    }
}
