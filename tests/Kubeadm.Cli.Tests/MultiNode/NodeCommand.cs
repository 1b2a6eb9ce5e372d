using System.Diagnostics;

namespace Kubeadm.Cli.Tests.MultiNode;

/// <summary>
/// Runs a command to completion inside a node (through its nsenter launcher), with optional standard input, separate
/// stdout and stderr, no proxy variables (traffic stays on the test's addresses) and a hard time limit: on timeout the
/// command is killed by pid and the result says so (exit code -1).
/// </summary>
internal static class NodeCommand
{
    private static readonly string[] ProxyVariables = ["http_proxy", "https_proxy", "all_proxy", "no_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY"];

    public static async Task<CliRun> RunAsync(IReadOnlyList<string> launcher, string binary, IEnumerable<string> arguments, TimeSpan timeout, string? stdin = null)
    {
        var start = new ProcessStartInfo(launcher[0])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = stdin is not null,
            UseShellExecute = false,
        };
        foreach (var argument in launcher.Skip(1).Append(binary).Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var variable in ProxyVariables)
        {
            start.Environment.Remove(variable);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {binary}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
            process.StandardInput.Close();
        }

        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            return new CliRun(-1, await output, $"{await error}\n{binary} {string.Join(' ', arguments)} did not finish within {timeout} and was killed");
        }

        return new CliRun(process.ExitCode, await output, await error);
    }
}
