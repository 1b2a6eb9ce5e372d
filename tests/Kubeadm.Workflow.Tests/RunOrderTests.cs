using static Kubeadm.Workflow.Tests.TestPhases;

namespace Kubeadm.Workflow.Tests;

public sealed class RunOrderTests
{
    private static PhaseRunner<CallLog> ConditionalRunner(CallLog log) => new(
        [
            Recording("foo", null, Recording("bar", _ => true), Recording("baz", _ => false)),
            Recording("qux", _ => true),
        ],
        () => log);

    public static TheoryData<string[], string[], string[]> Orders => new()
    {
        // filter, skip, expected calls
        { [], [], ["foo", "bar", "qux"] },
        { ["foo"], ["foo/baz"], ["foo", "bar"] },
        { ["foo/bar"], [], ["bar"] },
        { ["qux", "foo/bar"], [], ["bar", "qux"] },
    };

    [Theory]
    [MemberData(nameof(Orders))]
    public async Task Should_RunDepthFirstInDeclarationOrder_When_Selected(string[] filter, string[] skip, string[] expected)
    {
        var log = new CallLog();
        var runner = ConditionalRunner(log);

        await runner.RunAsync(runner.Select(filter, skip));

        Assert.Equal(expected, log.Calls);
    }

    [Fact]
    public async Task Should_SkipWholeSubtree_When_RunIfIsFalse()
    {
        var log = new CallLog();
        var runner = new PhaseRunner<CallLog>(
            [Recording("a", _ => false, Recording("b", null, Recording("c"))), Recording("d")], () => log);

        var result = await runner.RunAsync(runner.Select([], []));

        Assert.Equal(["d"], log.Calls);
        Assert.Equal(
            [("a", PhaseOutcome.SkippedByRunIf), ("a/b", PhaseOutcome.SkippedByRunIf), ("a/b/c", PhaseOutcome.SkippedByRunIf), ("d", PhaseOutcome.Ran)],
            result.Phases.Select(p => (p.Path, p.Outcome)));
    }

    [Fact]
    public async Task Should_RecordUserSkipsButNotUnfilteredPhases_When_Running()
    {
        var runner = ConditionalRunner(new CallLog());

        var result = await runner.RunAsync(runner.Select(["foo"], ["foo/bar"]));

        Assert.Equal(
            [("foo", PhaseOutcome.Ran), ("foo/bar", PhaseOutcome.SkippedByUser), ("foo/baz", PhaseOutcome.SkippedByRunIf)],
            result.Phases.Select(p => (p.Path, p.Outcome)));
    }

    [Fact]
    public async Task Should_NeverRunAllMarker_When_RunningFullWorkflow()
    {
        var log = new CallLog();
        var runner = new PhaseRunner<CallLog>(
            [Recording("certs", null, All(), Recording("ca"), Recording("apiserver")), Recording("kubeconfig")], () => log);

        var result = await runner.RunAsync(runner.Select([], []));

        Assert.Equal(["certs", "ca", "apiserver", "kubeconfig"], log.Calls);
        Assert.DoesNotContain(result.Phases, p => p.Path == "certs/all");
    }

    public static TheoryData<string, string, string[]> PhaseCommands => new()
    {
        // phase command path, expected filter, expected calls
        { "certs/all", "certs", ["certs", "ca", "apiserver"] },
        { "certs", "certs", ["certs", "ca", "apiserver"] },
        { "certs/apiserver", "certs/apiserver", ["apiserver"] },
        { "kubeconfig", "kubeconfig", ["kubeconfig"] },
    };

    [Theory]
    [MemberData(nameof(PhaseCommands))]
    public async Task Should_RunExpectedPhases_When_InvokedAsPhaseCommand(string path, string expectedFilter, string[] expectedCalls)
    {
        var log = new CallLog();
        var runner = new PhaseRunner<CallLog>(
            [Recording("certs", null, All(), Recording("ca"), Recording("apiserver")), Recording("kubeconfig")], () => log);

        var filter = runner.FilterForPhaseCommand(path);
        await runner.RunAsync(runner.Select([filter], []));

        Assert.Equal(expectedFilter, filter);
        Assert.Equal(expectedCalls, log.Calls);
    }

    [Fact]
    public void Should_ThrowUnknownPhase_When_PhaseCommandPathIsInvalid()
    {
        var runner = Runner(FooBarBazQux());

        Assert.Throws<UnknownPhaseException>(() => runner.FilterForPhaseCommand("nope"));
    }
}
