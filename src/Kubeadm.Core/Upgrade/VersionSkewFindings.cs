namespace Kubeadm.Core.Upgrade;

/// <summary>
/// What the version-skew policy found: mandatory findings stop an upgrade whatever the flags; skippable ones stop it
/// unless --force is given (kubeadm's VersionSkewPolicyErrors).
/// </summary>
public sealed record VersionSkewFindings(IReadOnlyList<string> Mandatory, IReadOnlyList<string> Skippable)
{
    public bool IsClean => Mandatory.Count == 0 && Skippable.Count == 0;

    /// <summary>
    /// The error `upgrade apply` stops with, in kubeadm's wording, or null when the upgrade may go on (no findings, or
    /// only skippable ones and <paramref name="force"/>).
    /// </summary>
    public string? ErrorMessage(bool force)
    {
        if (Mandatory.Count > 0)
        {
            return "the version argument is invalid due to these fatal errors:\n\n" + List(Mandatory)
                + "\nPlease fix the misalignments highlighted above and try upgrading again";
        }

        if (Skippable.Count > 0 && !force)
        {
            return "the version argument is invalid due to these errors:\n\n" + List(Skippable)
                + "\nCan be bypassed if you pass the --force flag";
        }

        return null;
    }

    /// <summary>The notice printed when --force lets skippable findings through; null when there are none.</summary>
    public string? ForcedNotice() =>
        Skippable.Count == 0
            ? null
            : $"[upgrade/version] Found {Skippable.Count} potential version compatibility errors but skipping since the --force flag is set: \n\n"
              + List(Skippable);

    /// <summary>kubeadm's FormatErrMsg: one "\t- message" line per finding.</summary>
    private static string List(IEnumerable<string> findings) => string.Concat(findings.Select(f => $"\t- {f}\n"));
}
