using Kubeadm.Core.Health;
using Kubeadm.Core.Tests.ClusterApi;

namespace Kubeadm.Core.Tests.Health;

public sealed class HealthWaiterTests
{
    private static readonly HealthCheckTarget A = new("a", new Uri("https://127.0.0.1:1/livez"));
    private static readonly HealthCheckTarget B = new("b", new Uri("https://127.0.0.1:2/livez"));

    [Fact]
    public async Task Should_ReportEachTargetWhenItTurnsHealthy_When_TargetsRecoverAtDifferentTimes()
    {
        var prober = new ScriptedProber(url => url.Port == 1 ? 2 : 5);
        var finished = new List<string>();

        var outcomes = await new HealthWaiter(prober, new ManualClock())
            .WaitAsync([A, B], TimeSpan.FromMinutes(4), o => finished.Add($"{o.Target.Name} {o.Healthy} {o.Elapsed.TotalMilliseconds}"), (_, _) => { }, CancellationToken.None);

        Assert.Equal(["a True 200", "b True 500"], finished);
        Assert.All(outcomes, o => Assert.True(o.Healthy));
        Assert.Equal(3 + 6, prober.Calls.Count);
    }

    [Fact]
    public async Task Should_FailOnlyThePendingTarget_When_TheTimeoutPasses()
    {
        var prober = new ScriptedProber(url => url.Port == 1 ? 0 : int.MaxValue);
        var progress = new List<string>();

        var outcomes = await new HealthWaiter(prober, new ManualClock())
            .WaitAsync([A, B], TimeSpan.FromSeconds(30), _ => { }, (elapsed, pending) => progress.Add($"{elapsed.TotalSeconds} {string.Join(',', pending.Select(p => p.Target.Name))}"), CancellationToken.None);

        Assert.True(outcomes[0].Healthy);
        Assert.False(outcomes[1].Healthy);
        Assert.Equal(TimeSpan.FromSeconds(30), outcomes[1].Elapsed);
        Assert.Equal("connection refused", outcomes[1].LastResult!.Error);
        Assert.Equal(["10 b", "20 b"], progress);
    }

    [Fact]
    public async Task Should_TreatAProberExceptionAsAFailedPoll_When_TheProberThrows()
    {
        var calls = 0;
        var prober = new DelegateProber(_ => ++calls == 1 ? throw new InvalidOperationException("boom") : HealthProbeResult.Status(200));

        var outcomes = await new HealthWaiter(prober, new ManualClock()).WaitAsync([A], TimeSpan.FromSeconds(5), _ => { }, (_, _) => { }, CancellationToken.None);

        Assert.True(outcomes[0].Healthy);
        Assert.Equal(HealthWaiter.DefaultInterval, outcomes[0].Elapsed);
    }

    [Fact]
    public async Task Should_KeepPollingTheOthers_When_OneProbeHangs()
    {
        var hanging = new TaskCompletionSource<HealthProbeResult>();
        var bProbes = 0;
        var aProbes = 0;
        var prober = new AsyncDelegateProber(url =>
        {
            if (url.Port == 1)
            {
                aProbes++;
                return hanging.Task;
            }

            return Task.FromResult(++bProbes < 3 ? HealthProbeResult.Failed("connection refused") : HealthProbeResult.Status(200));
        });

        var outcomes = await new HealthWaiter(prober, new ManualClock())
            .WaitAsync([A, B], TimeSpan.FromSeconds(1), _ => { }, (_, _) => { }, CancellationToken.None);

        Assert.True(outcomes[1].Healthy);
        Assert.Equal(TimeSpan.FromMilliseconds(300), outcomes[1].Elapsed);
        Assert.False(outcomes[0].Healthy);
        Assert.Null(outcomes[0].LastResult);
        Assert.Equal(1, aProbes);
    }

    /// <summary>Each URL fails (connection refused) a given number of times, then answers 200.</summary>
    private sealed class ScriptedProber(Func<Uri, int> failuresBeforeHealthy) : IHealthProber
    {
        public List<Uri> Calls { get; } = [];

        public Task<HealthProbeResult> ProbeAsync(Uri endpoint, CancellationToken cancellationToken)
        {
            lock (Calls)
            {
                Calls.Add(endpoint);
                var seen = Calls.Count(c => c == endpoint);
                return Task.FromResult(seen > failuresBeforeHealthy(endpoint)
                    ? HealthProbeResult.Status(200)
                    : HealthProbeResult.Failed("connection refused"));
            }
        }
    }

    private sealed class DelegateProber(Func<Uri, HealthProbeResult> answer) : IHealthProber
    {
        public Task<HealthProbeResult> ProbeAsync(Uri endpoint, CancellationToken cancellationToken) => Task.FromResult(answer(endpoint));
    }

    private sealed class AsyncDelegateProber(Func<Uri, Task<HealthProbeResult>> answer) : IHealthProber
    {
        public Task<HealthProbeResult> ProbeAsync(Uri endpoint, CancellationToken cancellationToken) => answer(endpoint);
    }
}
