using System.Diagnostics;

namespace Kubeadm.Cli.Tests.RealNode;

/// <summary>
/// Starts the process that holds a test's namespaces open: <c>unshare &lt;flags&gt; -- /bin/sh -c &lt;script&gt;</c>, where the
/// script sets the namespaces up, prints "ready" and execs a bounded sleep. Returns the holder once it said "ready";
/// otherwise kills it and throws with its output.
/// </summary>
internal static class NamespaceHolder
{
    public static async Task<Process> StartAsync(IEnumerable<string> unshareFlags, string script, string what)
    {
        var start = new ProcessStartInfo("/usr/bin/unshare") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in unshareFlags.Concat(["--", "/bin/sh", "-c", script]))
        {
            start.ArgumentList.Add(argument);
        }

        var holder = Process.Start(start) ?? throw new InvalidOperationException("unshare did not start");
        var stderr = holder.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        string? line;
        try
        {
            line = await holder.StandardOutput.ReadLineAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            line = null;
        }

        if (line == "ready")
        {
            return holder;
        }

        if (!holder.HasExited)
        {
            holder.Kill();
        }

        await holder.WaitForExitAsync();
        throw new InvalidOperationException($"setting up {what} failed (exit {holder.ExitCode}): {line}\n{await stderr}");
    }
}
