using static Kubeadm.Workflow.Tests.TestPhases;

namespace Kubeadm.Workflow.Tests;

public sealed class ContextTests
{
    public static TheoryData<string[], int> Builds => new()
    {
        // filter, expected factory calls
        { [], 1 },
        { ["containers"], 0 },
        { ["containers/leaf"], 0 },
        { ["work"], 1 },
    };

    [Theory]
    [MemberData(nameof(Builds))]
    public async Task Should_BuildContextOnlyWhenNeeded_When_Running(string[] filter, int expectedBuilds)
    {
        var builds = 0;
        var runner = new PhaseRunner<CallLog>(
            [Container("containers", Container("leaf")), Recording("work"), Recording("more", _ => true)],
            () =>
            {
                builds++;
                return new CallLog();
            });

        await runner.RunAsync(runner.Select(filter, []));

        Assert.Equal(expectedBuilds, builds);
    }

    [Fact]
    public async Task Should_ShareOneContext_When_ContextRequestedBeforeAndDuringRun()
    {
        var builds = 0;
        var runner = new PhaseRunner<CallLog>([Recording("a"), Recording("b")], () =>
        {
            builds++;
            return new CallLog();
        });

        var context = runner.GetOrCreateContext();
        await runner.RunAsync(runner.Select([], []));

        Assert.Equal(1, builds);
        Assert.True(runner.IsContextCreated);
        Assert.Equal(["a", "b"], context.Calls);
    }

    [Fact]
    public async Task Should_RetryFactory_When_FirstBuildFailed()
    {
        var attempts = 0;
        var runner = new PhaseRunner<CallLog>([Recording("a")], () =>
            ++attempts == 1 ? throw new InvalidOperationException("first") : new CallLog());

        await Assert.ThrowsAsync<InvalidOperationException>(() => runner.RunAsync(runner.Select([], [])));
        await runner.RunAsync(runner.Select([], []));

        Assert.Equal(2, attempts);
    }
}
