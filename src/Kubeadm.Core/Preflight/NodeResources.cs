using System.Globalization;

namespace Kubeadm.Core.Preflight;

/// <summary>The CPU and memory minimums kubeadm requires on a control-plane node.</summary>
public static class NodeResources
{
    public const int MinimumCpus = 2;

    public const long MinimumMemoryMegabytes = 1700;

    public const string MemInfoPath = "/proc/meminfo";

    public static CheckOutcome CheckCpus(int available) =>
        available < MinimumCpus
            ? CheckOutcome.Error($"the number of available CPUs {available} is less than the required {MinimumCpus}")
            : CheckOutcome.Passed;

    /// <summary>
    /// Checks MemTotal from <c>/proc/meminfo</c> (the same total RAM kubeadm reads with sysinfo); null content means the
    /// file could not be read, which kubeadm reports together with the resulting 0 MB.
    /// </summary>
    public static CheckOutcome CheckMemory(string? memInfo)
    {
        var megabytes = memInfo is null ? (long?)null : MemTotalMegabytes(memInfo);
        var outcome = megabytes is null
            ? CheckOutcome.Error($"failed to get system info: cannot read MemTotal from {MemInfoPath}")
            : CheckOutcome.Passed;
        var actual = megabytes ?? 0;
        return actual < MinimumMemoryMegabytes
            ? outcome.Plus(CheckOutcome.Error($"the system RAM ({actual} MB) is less than the minimum {MinimumMemoryMegabytes} MB"))
            : outcome;
    }

    /// <summary>MemTotal (reported in kB) in whole MB, or null when the line is missing or malformed.</summary>
    public static long? MemTotalMegabytes(string memInfo)
    {
        ArgumentNullException.ThrowIfNull(memInfo);
        foreach (var line in memInfo.Split('\n'))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length >= 2 && string.Equals(fields[0], "MemTotal:", StringComparison.Ordinal)
                && long.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var kilobytes))
            {
                return kilobytes / 1024;
            }
        }

        return null;
    }
}
