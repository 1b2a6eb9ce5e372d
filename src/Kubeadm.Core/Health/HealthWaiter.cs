namespace Kubeadm.Core.Health;

/// <summary>
/// Polls health endpoints until each answers 200 or the timeout passes, as kubeadm's waiter does: the first poll
/// at once, then a tick every <see cref="Interval"/> (counted from the start of the previous tick, so a target is
/// noticed within one interval of turning healthy). The pending targets are probed together on each tick, so they
/// are waited for in parallel; a probe that has not answered by the next tick is left running and is not repeated,
/// so one hanging endpoint never delays noticing the others. Time is read only from the injected clock (tests never
/// really wait).
/// </summary>
public sealed class HealthWaiter
{
    private readonly IHealthProber _prober;
    private readonly TimeProvider _clock;

    public HealthWaiter(IHealthProber prober, TimeProvider clock, TimeSpan? interval = null, TimeSpan? progressInterval = null)
    {
        _prober = prober;
        _clock = clock;
        Interval = interval ?? DefaultInterval;
        ProgressInterval = progressInterval ?? TimeSpan.FromSeconds(10);
    }

    /// <summary>
    /// How often the endpoints are polled by default. kubeadm polls every 500 ms (its KubernetesAPICallRetryInterval);
    /// these are cheap local HTTP GETs on kept-alive connections, so polling faster costs little and the run notices a
    /// healthy kubelet or component within 100 ms.
    /// </summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>Time between the starts of two polls.</summary>
    public TimeSpan Interval { get; }

    /// <summary>How often <see cref="WaitAsync"/> reports the targets still pending.</summary>
    public TimeSpan ProgressInterval { get; }

    /// <param name="targets">What to wait for.</param>
    /// <param name="timeout">How long each target may take, counted from the start.</param>
    /// <param name="finished">Called as soon as a target is healthy, and for every pending target at the timeout.</param>
    /// <param name="stillWaiting">Called every <see cref="ProgressInterval"/> with the targets not yet healthy.</param>
    /// <param name="cancellationToken">Stops the wait.</param>
    /// <returns>One outcome per target, in the order given.</returns>
    public async Task<IReadOnlyList<HealthCheckOutcome>> WaitAsync(
        IReadOnlyList<HealthCheckTarget> targets,
        TimeSpan timeout,
        Action<HealthCheckOutcome> finished,
        Action<TimeSpan, IReadOnlyList<HealthCheckOutcome>> stillWaiting,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(finished);
        ArgumentNullException.ThrowIfNull(stillWaiting);
        var start = _clock.GetUtcNow();
        var deadline = start + timeout;
        var nextProgress = start + ProgressInterval;
        var outcomes = new Dictionary<HealthCheckTarget, HealthCheckOutcome>();
        var last = new Dictionary<HealthCheckTarget, HealthProbeResult>();
        var inFlight = new Dictionary<HealthCheckTarget, Task<HealthProbeResult>>();
        var pending = targets.ToList();
        while (pending.Count > 0)
        {
            var tickStart = _clock.GetUtcNow();
            foreach (var target in pending.Where(target => !inFlight.ContainsKey(target)))
            {
                inFlight[target] = ProbeAsync(target, cancellationToken);
            }

            await AnswersOrNextTickAsync(inFlight.Values, tickStart + Interval - _clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            var now = _clock.GetUtcNow();
            var elapsed = now - start;
            foreach (var target in pending.Where(target => inFlight[target].IsCompleted))
            {
                last[target] = await inFlight[target].ConfigureAwait(false);
                inFlight.Remove(target);
                if (last[target].IsHealthy)
                {
                    Finish(target, healthy: true);
                }
            }

            pending.RemoveAll(outcomes.ContainsKey);
            if (pending.Count == 0)
            {
                break;
            }

            if (now >= deadline)
            {
                pending.ForEach(target => Finish(target, healthy: false));
                break;
            }

            if (now >= nextProgress)
            {
                stillWaiting(elapsed, [.. pending.Select(target => new HealthCheckOutcome(target, false, elapsed, last.GetValueOrDefault(target)))]);
                while (nextProgress <= now)
                {
                    nextProgress += ProgressInterval;
                }
            }

            var nextTick = tickStart + Interval;
            var wait = (nextTick < deadline ? nextTick : deadline) - now;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, _clock, cancellationToken).ConfigureAwait(false);
            }

            void Finish(HealthCheckTarget target, bool healthy)
            {
                var outcome = new HealthCheckOutcome(target, healthy, elapsed, last.GetValueOrDefault(target));
                outcomes[target] = outcome;
                finished(outcome);
            }
        }

        return [.. targets.Select(target => outcomes[target])];
    }

    /// <summary>Waits until every probe has answered, or at most <paramref name="limit"/>.</summary>
    private async Task AnswersOrNextTickAsync(IEnumerable<Task<HealthProbeResult>> probes, TimeSpan limit, CancellationToken cancellationToken)
    {
        var all = Task.WhenAll(probes);
        if (all.IsCompleted || limit <= TimeSpan.Zero)
        {
            return;
        }

        using var tick = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(limit, _clock, tick.Token);
        await Task.WhenAny(all, delay).ConfigureAwait(false);
        await tick.CancelAsync().ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
    }

    private async Task<HealthProbeResult> ProbeAsync(HealthCheckTarget target, CancellationToken cancellationToken)
    {
        try
        {
            return await _prober.ProbeAsync(target.Url, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A prober is meant to report failures, not throw them; one that does still only fails this poll.
            return HealthProbeResult.Failed(e.Message);
        }
    }
}
