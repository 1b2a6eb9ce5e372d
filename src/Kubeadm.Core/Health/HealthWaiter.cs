namespace Kubeadm.Core.Health;

/// <summary>
/// Polls health endpoints until each answers 200 or the timeout passes, as kubeadm's waiter does: the first poll
/// at once, then every <see cref="Interval"/>. All pending targets are probed together on each tick, so they are
/// waited for in parallel, while time is read only from the injected clock (tests never really wait).
/// </summary>
public sealed class HealthWaiter
{
    private readonly IHealthProber _prober;
    private readonly TimeProvider _clock;

    public HealthWaiter(IHealthProber prober, TimeProvider clock, TimeSpan? interval = null, TimeSpan? progressInterval = null)
    {
        _prober = prober;
        _clock = clock;
        Interval = interval ?? TimeSpan.FromMilliseconds(500);
        ProgressInterval = progressInterval ?? TimeSpan.FromSeconds(10);
    }

    /// <summary>kubeadm's KubernetesAPICallRetryInterval.</summary>
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
        var pending = targets.ToList();
        while (pending.Count > 0)
        {
            var results = await Task.WhenAll(pending.Select(target => ProbeAsync(target, cancellationToken))).ConfigureAwait(false);
            var now = _clock.GetUtcNow();
            var elapsed = now - start;
            for (var index = 0; index < pending.Count; index++)
            {
                last[pending[index]] = results[index];
                if (results[index].IsHealthy)
                {
                    Finish(pending[index], healthy: true);
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
                stillWaiting(elapsed, [.. pending.Select(target => new HealthCheckOutcome(target, false, elapsed, last[target]))]);
                while (nextProgress <= now)
                {
                    nextProgress += ProgressInterval;
                }
            }

            var wait = deadline - now < Interval ? deadline - now : Interval;
            await Task.Delay(wait, _clock, cancellationToken).ConfigureAwait(false);

            void Finish(HealthCheckTarget target, bool healthy)
            {
                var outcome = new HealthCheckOutcome(target, healthy, elapsed, last[target]);
                outcomes[target] = outcome;
                finished(outcome);
            }
        }

        return [.. targets.Select(target => outcomes[target])];
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
