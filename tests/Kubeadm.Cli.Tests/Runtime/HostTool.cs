namespace Kubeadm.Cli.Tests.Runtime;

/// <summary>Runs a host tool to completion with a time limit and returns its exit code and combined output.</summary>
internal static class HostTool
{
    public static async Task<(int ExitCode, string Output)> RunAsync(string binary, IEnumerable<string> arguments, TimeSpan timeout)
    {
        try
        {
            var run = await Packaging.ToolProcess.RunAsync(binary, arguments, timeout: timeout);
            return (run.ExitCode, run.Output + run.Error);
        }
        catch (TimeoutException e)
        {
            return (-1, e.Message);
        }
    }

    /// <summary>Runs the tool and fails with its output when it exits non-zero.</summary>
    public static async Task<string> RunCheckedAsync(string binary, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var (exitCode, output) = await RunAsync(binary, arguments, timeout);
        return exitCode == 0
            ? output
            : throw new InvalidOperationException($"{binary} {string.Join(' ', arguments)} exited {exitCode}:\n{output}");
    }

    /// <summary>Fails (never skips) when a required tool is missing, naming the Debian package to install.</summary>
    public static void Require(string binary, string package)
    {
        if (!File.Exists(binary))
        {
            throw new InvalidOperationException($"{binary} is missing: install Debian's {package} package (see .ci/run)");
        }
    }
}
