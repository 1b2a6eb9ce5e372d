using System.Diagnostics;

namespace Kubeadm.Cli.Tests.Runtime;

/// <summary>Runs a host tool to completion with a time limit and returns its exit code and combined output.</summary>
internal static class HostTool
{
    public static async Task<(int ExitCode, string Output)> RunAsync(string binary, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(binary) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{binary} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            return (-1, $"{binary} {string.Join(' ', arguments)} did not finish within {timeout}\n{await output}{await error}");
        }

        return (process.ExitCode, await output + await error);
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
