using static Kubeadm.Workflow.Tests.TestPhases;

namespace Kubeadm.Workflow.Tests;

public sealed class ErrorTests
{
    private static readonly InvalidOperationException Boom = new("boom");

    private static PhaseRunner<CallLog> FailingRunner(CallLog log) => new(
        [
            Recording("foo", _ => true),
            Container("a", Recording("first"), Container("b") with { RunIf = _ => true, Run = (_, _) => throw Boom }, Recording("after")),
            Container("baz") with { RunIf = _ => throw Boom, Run = (_, _) => Task.CompletedTask },
            Container("async") with { Run = async (_, ct) => { await Task.Yield(); throw Boom; } },
        ],
        () => log);

    public static TheoryData<string, string?> Cases => new()
    {
        // filter, expected message (null: no error)
        { "foo", null },
        { "a", "error execution phase a/b: boom" },
        { "baz", "error execution run condition for phase baz: boom" },
        { "async", "error execution phase async: boom" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Should_WrapFailureWithPhasePath_When_PhaseThrows(string filter, string? expectedMessage)
    {
        var runner = FailingRunner(new CallLog());
        var selection = runner.Select([filter], []);

        var error = await Record.ExceptionAsync(() => runner.RunAsync(selection));

        if (expectedMessage is null)
        {
            Assert.Null(error);
            return;
        }

        var wrapped = Assert.IsType<PhaseExecutionException>(error);
        Assert.Equal(expectedMessage, wrapped.Message);
        Assert.Same(Boom, wrapped.InnerException);
    }

    [Fact]
    public async Task Should_ExposePartialResultAndStop_When_PhaseFails()
    {
        var log = new CallLog();
        var runner = FailingRunner(log);

        var error = await Assert.ThrowsAsync<PhaseExecutionException>(() => runner.RunAsync(runner.Select([], [])));

        Assert.Equal("a/b", error.PhasePath);
        Assert.Equal(["foo", "first"], log.Calls);
        Assert.Equal(
            [("foo", PhaseOutcome.Ran), ("a", PhaseOutcome.Ran), ("a/first", PhaseOutcome.Ran), ("a/b", PhaseOutcome.Failed)],
            error.Result.Phases.Select(p => (p.Path, p.Outcome)));
    }

    [Fact]
    public async Task Should_PropagateCancellationUnwrapped_When_TokenIsCancelled()
    {
        using var cancellation = new CancellationTokenSource();
        var runner = new PhaseRunner<CallLog>(
            [
                Container("stop") with { Run = (_, _) => { cancellation.Cancel(); return Task.CompletedTask; } },
                Recording("never"),
            ],
            () => new CallLog());

        await Assert.ThrowsAsync<OperationCanceledException>(() => runner.RunAsync(runner.Select([], []), cancellation.Token));
    }

    [Fact]
    public async Task Should_PropagateFactoryErrorUnwrapped_When_ContextCannotBeBuilt()
    {
        var runner = new PhaseRunner<CallLog>([Recording("foo")], () => throw Boom);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => runner.RunAsync(runner.Select([], [])));

        Assert.Same(Boom, error);
    }
}
