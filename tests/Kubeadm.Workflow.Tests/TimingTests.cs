using static Kubeadm.Workflow.Tests.TestPhases;

namespace Kubeadm.Workflow.Tests;

public sealed class TimingTests
{
    private static readonly DateTimeOffset T0 = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Should_RecordStartEndAndDuration_When_ClockIsInjected()
    {
        var clock = new ManualTimeProvider(T0);
        Phase<CallLog> Taking(string name, int seconds) => Container(name) with
        {
            Run = (_, _) =>
            {
                clock.Advance(TimeSpan.FromSeconds(seconds));
                return Task.CompletedTask;
            },
        };
        var runner = new PhaseRunner<CallLog>(
            [Taking("first", 3), Taking("skipped", 100), Taking("second", 5)], () => new CallLog(), clock);

        var result = await runner.RunAsync(runner.Select([], ["skipped"]));

        Assert.Equal(
            [
                new PhaseRecord("first", PhaseOutcome.Ran, T0, T0.AddSeconds(3)),
                new PhaseRecord("skipped", PhaseOutcome.SkippedByUser, T0.AddSeconds(3), T0.AddSeconds(3)),
                new PhaseRecord("second", PhaseOutcome.Ran, T0.AddSeconds(3), T0.AddSeconds(8)),
            ],
            result.Phases.ToArray());
        Assert.Equal([TimeSpan.FromSeconds(3), TimeSpan.Zero, TimeSpan.FromSeconds(5)], result.Phases.Select(p => p.Duration));
    }

    [Fact]
    public async Task Should_RecordDurationOfFailedPhase_When_PhaseThrows()
    {
        var clock = new ManualTimeProvider(T0);
        var runner = new PhaseRunner<CallLog>(
            [Container("slow") with { Run = (_, _) => { clock.Advance(TimeSpan.FromSeconds(7)); throw new InvalidOperationException("x"); } }],
            () => new CallLog(),
            clock);

        var error = await Assert.ThrowsAsync<PhaseExecutionException>(() => runner.RunAsync(runner.Select([], [])));

        Assert.Equal(TimeSpan.FromSeconds(7), Assert.Single(error.Result.Phases).Duration);
    }

    [Fact]
    public async Task Should_SpanItsSubPhases_When_AParentPhaseHasNoWorkOfItsOwn()
    {
        var clock = new ManualTimeProvider(T0);
        Phase<CallLog> Taking(string name, int seconds) => Container(name) with
        {
            Run = (_, _) =>
            {
                clock.Advance(TimeSpan.FromSeconds(seconds));
                return Task.CompletedTask;
            },
        };
        var runner = new PhaseRunner<CallLog>(
            [Container("group") with { Children = [Taking("a", 2), Taking("b", 4)] }, Taking("after", 1)], () => new CallLog(), clock);

        var result = await runner.RunAsync(runner.Select([], []));

        var durations = result.Phases.ToDictionary(p => p.Path, p => p.Duration);
        Assert.Equal(TimeSpan.FromSeconds(6), durations["group"]);
        Assert.Equal(TimeSpan.FromSeconds(2), durations["group/a"]);
        Assert.Equal(TimeSpan.FromSeconds(1), durations["after"]);
    }
}
