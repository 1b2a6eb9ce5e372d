using Kubeadm.Core.ClusterApi;

namespace Kubeadm.Core.Tests.ClusterApi;

public sealed class ApiWriteStepsTests
{
    [Fact]
    public async Task Should_StartEveryWriteBeforeAnyFinishes_And_PrintEachLineAfterTheStepsBeforeIt_When_Concurrent()
    {
        var output = new StringWriter();
        var log = new List<string>();
        var first = new TaskCompletionSource();
        var second = new TaskCompletionSource();
        var steps = new ApiWriteSteps(output, concurrent: true)
            .Step("line 1", Write(log, "a", first.Task), Write(log, "b", first.Task))
            .Step("line 2", Write(log, "c", second.Task));

        var run = steps.RunAsync(CancellationToken.None);

        Assert.Equal(["start a", "start b", "start c"], log);
        Assert.Equal("line 1\n", output.ToString().ReplaceLineEndings("\n"));
        second.SetResult();
        Assert.Equal("line 1\n", output.ToString().ReplaceLineEndings("\n"));
        first.SetResult();
        await run;
        Assert.Equal("line 1\nline 2\n", output.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Should_ThrowTheFirstFailureInStepOrder_And_PrintNoLaterLine_And_CancelTheRest_When_AWriteFails()
    {
        var output = new StringWriter();
        var earlier = new TaskCompletionSource();
        var cancelled = new TaskCompletionSource();
        var steps = new ApiWriteSteps(output, concurrent: true)
            .Step("line 1", _ => Task.CompletedTask)
            .Step("line 2", async _ =>
            {
                await earlier.Task;
                throw new ClusterApiException("step 2 failed", 403);
            })
            .Step("line 3", _ => Task.FromException(new ClusterApiException("step 3 failed", 403)))
            .Step("line 4", async ct =>
            {
                try
                {
                    await Task.Delay(Timeout.Infinite, ct);
                }
                finally
                {
                    cancelled.SetResult();
                }
            });

        var run = steps.RunAsync(CancellationToken.None);
        earlier.SetResult();
        var error = await Assert.ThrowsAsync<ClusterApiException>(() => run);

        Assert.Equal("step 2 failed", error.Message);
        Assert.Equal("line 1\nline 2\n", output.ToString().ReplaceLineEndings("\n"));
        Assert.True(cancelled.Task.IsCompleted);
    }

    [Fact]
    public async Task Should_RunLineThenWritesOneByOne_When_NotConcurrent()
    {
        var output = new StringWriter();
        var log = new List<string>();
        var steps = new ApiWriteSteps(output, concurrent: false)
            .Step("line 1", Logged(log, output, "a"), Logged(log, output, "b"))
            .Writes(Logged(log, output, "c"))
            .Step("line 2", Logged(log, output, "d"));

        await steps.RunAsync(CancellationToken.None);

        Assert.Equal("line 1\nwrite a\nwrite b\nwrite c\nline 2\nwrite d\n", output.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Should_ReportAWriteThatThrowsBeforeItsFirstAwait_InItsOwnStep()
    {
        var output = new StringWriter();
        var steps = new ApiWriteSteps(output, concurrent: true)
            .Step("line 1", _ => Task.CompletedTask)
            .Step("line 2", _ => throw new ClusterApiException("thrown at start", 0));

        var error = await Assert.ThrowsAsync<ClusterApiException>(() => steps.RunAsync(CancellationToken.None));

        Assert.Equal("thrown at start", error.Message);
        Assert.Equal("line 1\nline 2\n", output.ToString().ReplaceLineEndings("\n"));
    }

    private static Func<CancellationToken, Task> Write(List<string> log, string name, Task until) => async _ =>
    {
        log.Add($"start {name}");
        await until;
    };

    private static Func<CancellationToken, Task> Logged(List<string> log, TextWriter output, string name) => _ =>
    {
        log.Add(name);
        output.WriteLine($"write {name}");
        return Task.CompletedTask;
    };
}
