namespace Kubeadm.Core.ClusterApi;

/// <summary>
/// A phase's API writes as ordered steps, each an optional progress line and the independent writes it announces
/// (a write that needs another's result chains them inside one delegate).
/// <para>
/// Run concurrently, every write of every step is started at once, in step order, over the run's one client (its
/// HTTP/2 connection carries them side by side), and the lines come out as a one-by-one run prints them: a step's
/// line once every earlier step's writes have finished, no line after a step that failed. The error thrown is the
/// first in step order; the other writes are then cancelled and waited for, so nothing runs on after the phase.
/// </para>
/// <para>
/// Run one by one (--dry-run, whose client prints each request as it is made, so starting them all at once would
/// move those prints ahead of the lines) it is the plain sequence: line, writes, next line.
/// </para>
/// </summary>
public sealed class ApiWriteSteps
{
    private readonly List<(string? Line, Func<CancellationToken, Task>[] Writes)> _steps = [];
    private readonly TextWriter _output;

    public ApiWriteSteps(TextWriter output, bool concurrent)
    {
        _output = output;
        Concurrent = concurrent;
    }

    public bool Concurrent { get; }

    /// <summary>A step: <paramref name="line"/> (printed before its writes are waited for, none when null) and its writes.</summary>
    public ApiWriteSteps Step(string? line, params Func<CancellationToken, Task>[] writes)
    {
        ArgumentNullException.ThrowIfNull(writes);
        _steps.Add((line, writes));
        return this;
    }

    /// <summary>A step without a line.</summary>
    public ApiWriteSteps Writes(params Func<CancellationToken, Task>[] writes) => Step(null, writes);

    public Task RunAsync(CancellationToken cancellationToken) =>
        Concurrent ? RunConcurrentlyAsync(cancellationToken) : RunOneByOneAsync(cancellationToken);

    private async Task RunOneByOneAsync(CancellationToken cancellationToken)
    {
        foreach (var (line, writes) in _steps)
        {
            Print(line);
            foreach (var write in writes)
            {
                await write(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task RunConcurrentlyAsync(CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var started = _steps.Select(step => step.Writes.Select(write => Start(write, stop.Token)).ToArray()).ToArray();
        try
        {
            for (var i = 0; i < _steps.Count; i++)
            {
                Print(_steps[i].Line);
                await Task.WhenAll(started[i]).ConfigureAwait(false);
            }
        }
        catch
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(started.SelectMany(writes => writes)).ContinueWith(
                static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>A write that throws before its first await fails its task instead of the whole start-up loop.</summary>
    private static Task Start(Func<CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        try
        {
            return write(cancellationToken);
        }
#pragma warning disable CA1031 // Rethrown in step order by RunConcurrentlyAsync.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return Task.FromException(e);
        }
    }

    private void Print(string? line)
    {
        if (line is not null)
        {
            _output.WriteLine(line);
        }
    }
}
