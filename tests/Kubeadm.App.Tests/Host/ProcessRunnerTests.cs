using Kubeadm.App.Host;
using Kubeadm.Core.Host;

namespace Kubeadm.App.Tests.Host;

public sealed class ProcessRunnerTests
{
    private readonly ProcessRunner _runner = new();

    [Fact]
    public async Task Should_CaptureOutputAndExitCode_When_ProcessRuns()
    {
        var result = await _runner.RunAsync("/bin/sh", ["-c", "echo \"$0\"; echo err >&2; exit 3", "two words"], CancellationToken.None);

        Assert.Equal(new ProcessResult(3, "two words\n", "err\n"), result);
    }

    [Fact]
    public async Task Should_ThrowExecutableNotFound_When_ExecutableMissing()
    {
        await Assert.ThrowsAsync<ExecutableNotFoundException>(
            () => _runner.RunAsync("kubeadm-test-no-such-executable", [], CancellationToken.None));
    }

    [Fact]
    public void Should_FindExecutableOnPath_When_Present()
    {
        Assert.NotNull(_runner.FindExecutable("sh"));
        Assert.Null(_runner.FindExecutable("kubeadm-test-no-such-executable"));
    }
}
