using System.Globalization;
using System.Text.RegularExpressions;

namespace Kubeadm.Core.Preflight;

/// <summary>
/// The part of kubeadm's SystemVerification (k8s.io/system-validators) this build can decide from files: the kernel
/// release (a warning below 4.19, as kubeadm 1.34) and the cgroup controllers, v2 from
/// <c>/sys/fs/cgroup/cgroup.controllers</c> or v1 from <c>/proc/cgroups</c>. The kernel build options are not checked.
/// </summary>
public static partial class SystemVerification
{
    public const string KernelReleasePath = "/proc/sys/kernel/osrelease";

    public const string CgroupV2ControllersPath = "/sys/fs/cgroup/cgroup.controllers";

    public const string CgroupV1Path = "/proc/cgroups";

    public const string FailureHeader = "[preflight] The system verification failed. Printing the output from the verification:";

    private static readonly string[] RequiredV2 = ["cpu", "cpuset", "devices", "freezer", "memory", "pids"];
    private static readonly string[] RequiredV1 = ["cpu", "cpuacct", "cpuset", "devices", "freezer", "memory", "pids"];
    private static readonly string[] Optional = ["hugetlb"];

    /// <param name="kernelRelease">The kernel release (uname -r), null when unreadable.</param>
    /// <param name="cgroupV2Controllers">cgroup.controllers of the unified hierarchy, null on a cgroup v1 host.</param>
    /// <param name="procCgroups">/proc/cgroups, read only on a cgroup v1 host; null when unreadable.</param>
    public static SystemVerificationResult Verify(string? kernelRelease, string? cgroupV2Controllers, string? procCgroups)
    {
        var report = new List<string>();
        var outcome = CheckKernel(kernelRelease?.Trim(), report);
        outcome = outcome.Plus(CheckCgroups(kernelRelease?.Trim(), cgroupV2Controllers, procCgroups, report));
        return new SystemVerificationResult(outcome, report);
    }

    private static CheckOutcome CheckKernel(string? release, List<string> report)
    {
        if (string.IsNullOrEmpty(release))
        {
            return CheckOutcome.Error($"failed to get kernel release: cannot read {KernelReleasePath}");
        }

        report.Add($"KERNEL_VERSION: {release}");
        return SupportedKernelRegex().IsMatch(release) ? CheckOutcome.Passed : CheckOutcome.Warning($"unsupported kernel release: {release}");
    }

    private static CheckOutcome CheckCgroups(string? release, string? v2Controllers, string? procCgroups, List<string> report)
    {
        List<string> available;
        string[] required;
        var outcome = CheckOutcome.Passed;
        if (v2Controllers is not null)
        {
            // devices is always there in v2; freezer is too from kernel 5.2 (cgroup.freeze), neither is listed in cgroup.controllers.
            available = ["devices", .. FreezerImplied(release) ? ["freezer"] : Array.Empty<string>(), .. Fields(v2Controllers)];
            required = RequiredV2;
        }
        else if (procCgroups is null)
        {
            return CheckOutcome.Error(
                $"failed to get cgroup subsystems: neither {CgroupV2ControllersPath} (cgroup v2) nor {CgroupV1Path} (cgroup v1) can be read");
        }
        else
        {
            outcome = CheckOutcome.Warning("cgroups v1 support is in maintenance mode, please migrate to cgroups v2");
            available = [.. EnabledV1Subsystems(procCgroups)];
            required = RequiredV1;
        }

        var missingRequired = Missing(required, available, "missing", report);
        var missingOptional = Missing(Optional, available, "missing", report);
        if (missingRequired.Count > 0)
        {
            outcome = outcome.Plus(CheckOutcome.Error($"missing required cgroups: {string.Join(' ', missingRequired)}"));
        }

        return missingOptional.Count > 0
            ? outcome.Plus(CheckOutcome.Warning($"missing optional cgroups: {string.Join(' ', missingOptional)}"))
            : outcome;
    }

    private static List<string> Missing(string[] wanted, List<string> available, string word, List<string> report)
    {
        var missing = new List<string>();
        foreach (var cgroup in wanted)
        {
            var found = available.Contains(cgroup, StringComparer.Ordinal);
            report.Add($"CGROUPS_{cgroup.ToUpperInvariant()}: {(found ? "enabled" : word)}");
            if (!found)
            {
                missing.Add(cgroup);
            }
        }

        return missing;
    }

    private static IEnumerable<string> EnabledV1Subsystems(string procCgroups) =>
        procCgroups.Split('\n')
            .Where(line => line.Length > 0 && line[0] != '#')
            .Select(line => line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            .Where(fields => fields.Length >= 4 && fields[3] != "0")
            .Select(fields => fields[0]);

    private static string[] Fields(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    private static bool FreezerImplied(string? release)
    {
        var match = release is null ? Match.Empty : KernelMajorMinorRegex().Match(release);
        return match.Success
            && (int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture))
                .CompareTo((5, 2)) >= 0;
    }

    [GeneratedRegex(@"^(4\.19.*|4\.[2-9][0-9].*|([5-9]|[1-9][0-9]+)\.([0-9]+)\.([0-9]+).*)$", RegexOptions.CultureInvariant)]
    private static partial Regex SupportedKernelRegex();

    [GeneratedRegex(@"^([0-9]+)\.([0-9]+)", RegexOptions.CultureInvariant)]
    private static partial Regex KernelMajorMinorRegex();
}
