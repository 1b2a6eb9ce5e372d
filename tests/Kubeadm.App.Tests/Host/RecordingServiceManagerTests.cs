using Kubeadm.Core.Host;

namespace Kubeadm.App.Tests.Host;

public sealed class RecordingServiceManagerTests
{
    [Fact]
    public async Task Should_RecordCallsAndTrackState_When_Driven()
    {
        var manager = new RecordingServiceManager();

        await manager.EnableAsync("kubelet", CancellationToken.None);
        await manager.StartAsync("kubelet", CancellationToken.None);
        var status = await manager.GetStatusAsync("kubelet", CancellationToken.None);

        Assert.Equal(
            [new ServiceCall(ServiceAction.Enable, "kubelet"), new ServiceCall(ServiceAction.Start, "kubelet"), new ServiceCall(ServiceAction.GetStatus, "kubelet")],
            manager.Calls);
        Assert.True(status.IsActive && status.IsEnabled && status.Exists);
    }

    [Fact]
    public async Task Should_PrintDryRunLines_When_OutputGiven()
    {
        using var output = new StringWriter();
        var manager = new RecordingServiceManager(output);

        await manager.StopAsync("kubelet", CancellationToken.None);
        await manager.RestartAsync("kubelet", CancellationToken.None);
        await manager.GetStatusAsync("kubelet", CancellationToken.None);

        Assert.Equal(
            "[dryrun] Would stop the \"kubelet\" service\n[dryrun] Would restart the \"kubelet\" service\n",
            output.ToString());
    }

    [Fact]
    public async Task Should_ReturnConfiguredStatus_When_StatusSet()
    {
        var manager = new RecordingServiceManager(isAvailable: false);
        manager.SetStatus(new ServiceStatus("kubelet", "not-found", "inactive", string.Empty));

        var status = await manager.GetStatusAsync("kubelet", CancellationToken.None);

        Assert.False(manager.IsAvailable);
        Assert.False(status.Exists);
    }
}
