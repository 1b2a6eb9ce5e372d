namespace Kubeadm.Core.Preflight;

/// <summary>The file-based rules kubeadm applies, given what the file system shows.</summary>
public static class HostFileRules
{
    public const string SwapsPath = "/proc/swaps";

    public const string IPv4ForwardPath = "/proc/sys/net/ipv4/ip_forward";

    public const string IPv6DefaultForwardingPath = "/proc/sys/net/ipv6/conf/default/forwarding";

    public const string SwapWarning =
        "swap is supported for cgroup v2 only. The kubelet must be properly configured to use swap. Please refer to "
        + "https://kubernetes.io/docs/concepts/architecture/nodes/#swap-memory, or disable swap on the node";

    /// <summary>kubeadm's check name for a path: "/" becomes "-" (so "/etc/x" gives "Prefix--etc-x").</summary>
    public static string NameFor(string prefix, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return $"{prefix}-{path.Replace('/', '-')}";
    }

    /// <summary>Swap: /proc/swaps lists a header line and then one line per active swap area; a missing file is fine.</summary>
    public static CheckOutcome CheckSwaps(string? procSwaps)
    {
        if (procSwaps is null)
        {
            return CheckOutcome.Passed;
        }

        var lines = procSwaps.Split('\n');
        var count = procSwaps.EndsWith('\n') ? lines.Length - 1 : lines.Length;
        return count > 1 ? CheckOutcome.Warning(SwapWarning) : CheckOutcome.Passed;
    }

    /// <summary>FileContent: the file must start with <paramref name="expected"/> (kubeadm reads only that many bytes).</summary>
    public static CheckOutcome CheckContent(string path, byte[]? content, string expected)
    {
        ArgumentNullException.ThrowIfNull(expected);
        if (content is null)
        {
            return CheckOutcome.Error($"{path} does not exist");
        }

        var expectedBytes = System.Text.Encoding.UTF8.GetBytes(expected);
        return content.AsSpan().StartsWith(expectedBytes)
            ? CheckOutcome.Passed
            : CheckOutcome.Error($"{path} contents are not set to {expected}");
    }
}
