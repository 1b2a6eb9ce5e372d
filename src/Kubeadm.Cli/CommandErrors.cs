namespace Kubeadm.Cli;

/// <summary>
/// Runs a command body and turns failures into kubeadm's output: one clear message on stderr and exit code 1;
/// the stack trace only at -v=5 or higher.
/// </summary>
public static class CommandErrors
{
    public const int Failure = 1;
    private const int StackTraceVerbosity = 5;
    private const string StackTraceHint = "To see the stack trace of this error execute with --v=5 or higher";

    public static async Task<int> RunAsync(TextWriter err, int verbosity, Func<Task<int>> body)
    {
        ArgumentNullException.ThrowIfNull(err);
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            return await body().ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await err.WriteLineAsync("interrupted").ConfigureAwait(false);
            return Failure;
        }
        catch (Exception e)
        {
            await err.WriteLineAsync(e.Message).ConfigureAwait(false);
            await err.WriteLineAsync(verbosity >= StackTraceVerbosity ? e.ToString() : StackTraceHint).ConfigureAwait(false);
            return Failure;
        }
    }

    /// <summary>A command-line error (bad flag, unknown command): the message and exit 1, no help text.</summary>
    public static async Task<int> ReportAsync(TextWriter err, string message)
    {
        ArgumentNullException.ThrowIfNull(err);
        await err.WriteLineAsync(message).ConfigureAwait(false);
        await err.WriteLineAsync(StackTraceHint).ConfigureAwait(false);
        return Failure;
    }

}
