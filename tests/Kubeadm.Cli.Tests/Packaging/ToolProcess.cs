using System.Diagnostics;

namespace Kubeadm.Cli.Tests.Packaging;

/// <summary>Runs a real program to completion (bounded by a timeout) and captures what it printed.</summary>
public static class ToolProcess
{
    public static async Task<CliRun> RunAsync(string program, IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromMinutes(2);
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            throw new TimeoutException($"{program} {string.Join(' ', start.ArgumentList)} did not finish within {limit}\n{await output}{await error}");
        }

        return new CliRun(process.ExitCode, await output, await error);
    }

    /// <summary>Runs and fails the test with everything the program printed when it exits non-zero.</summary>
    public static async Task<string> CheckedAsync(string program, params string[] arguments)
    {
        var run = await RunAsync(program, arguments);
        Assert.True(run.ExitCode == 0, $"{program} {string.Join(' ', arguments)} exited {run.ExitCode}\n{run.Output}\n{run.Error}");
        return run.Output;
    }
}
