using System.Globalization;

namespace Kubeadm.App.Preflight;

/// <summary>Counts the CPUs in a kernel CPU list such as "0-3,8,10-11".</summary>
public static class CpuListParser
{
    /// <summary>The number of CPUs listed, or null when the list is malformed or empty.</summary>
    public static int? Count(string cpuList)
    {
        ArgumentNullException.ThrowIfNull(cpuList);
        var count = 0;
        foreach (var range in cpuList.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var bounds = range.Split('-');
            if (!int.TryParse(bounds[0], NumberStyles.None, CultureInfo.InvariantCulture, out var first))
            {
                return null;
            }

            var last = first;
            if (bounds.Length == 2 && !int.TryParse(bounds[1], NumberStyles.None, CultureInfo.InvariantCulture, out last))
            {
                return null;
            }

            if (bounds.Length > 2 || last < first)
            {
                return null;
            }

            count += last - first + 1;
        }

        return count == 0 ? null : count;
    }
}
