using Kubeadm.App.Host;
using Kubeadm.Core.Host;

namespace Kubeadm.App.Tests.Host;

public sealed class SystemctlServiceManagerTests : IDisposable
{
    private readonly FakeProcessRunner _runner = new();
    private readonly SystemctlServiceManager _manager;
    private readonly string _systemdRuntimeDirectory = Directory.CreateTempSubdirectory("systemd-system-").FullName;

    public SystemctlServiceManagerTests()
    {
        _manager = new SystemctlServiceManager(_runner, _systemdRuntimeDirectory);
    }

    public void Dispose() => Directory.Delete(_systemdRuntimeDirectory);

    [Fact]
    public async Task Should_ReloadThenStart_When_Starting()
    {
        await _manager.StartAsync("kubelet", CancellationToken.None);

        Assert.Equal(["systemctl daemon-reload", "systemctl start kubelet"], _runner.CommandLines);
    }

    [Fact]
    public async Task Should_RunKubeadmCommands_When_StoppingRestartingEnabling()
    {
        await _manager.StopAsync("kubelet", CancellationToken.None);
        await _manager.RestartAsync("kubelet", CancellationToken.None);
        await _manager.EnableAsync("kubelet.service", CancellationToken.None);

        Assert.Equal(
            ["systemctl stop kubelet", "systemctl daemon-reload", "systemctl restart kubelet", "systemctl enable kubelet.service"],
            _runner.CommandLines);
    }

    [Fact]
    public async Task Should_ParseShowOutput_When_GettingStatus()
    {
        _runner.Enqueue(new ProcessResult(0, "LoadState=loaded\nActiveState=active\nUnitFileState=enabled\n", string.Empty));

        var status = await _manager.GetStatusAsync("kubelet", CancellationToken.None);

        Assert.Equal(["systemctl show --property=LoadState,ActiveState,UnitFileState kubelet"], _runner.CommandLines);
        Assert.Equal(new ServiceStatus("kubelet", "loaded", "active", "enabled"), status);
        Assert.True(status.Exists && status.IsActive && status.IsEnabled);
    }

    [Fact]
    public async Task Should_ReportMissingUnit_When_LoadStateNotFound()
    {
        _runner.Enqueue(new ProcessResult(0, "LoadState=not-found\nActiveState=inactive\nUnitFileState=\n", string.Empty));

        var status = await _manager.GetStatusAsync("kubelet", CancellationToken.None);

        Assert.False(status.Exists);
        Assert.False(status.IsActive);
        Assert.False(status.IsEnabled);
    }

    [Fact]
    public async Task Should_CarryStandardError_When_CommandFails()
    {
        _runner.Enqueue(new ProcessResult(5, string.Empty, "Failed to start kubelet.service: Unit kubelet.service not found.\n"));

        var exception = await Assert.ThrowsAsync<ServiceManagerException>(() => _manager.StopAsync("kubelet", CancellationToken.None));

        Assert.Equal(
            "\"systemctl stop kubelet\" failed with exit code 5: Failed to start kubelet.service: Unit kubelet.service not found.",
            exception.Message);
    }

    [Fact]
    public async Task Should_ThrowUnavailable_When_SystemctlMissing()
    {
        var manager = new SystemctlServiceManager(new FakeProcessRunner { ExecutableExists = false });

        Assert.False(manager.IsAvailable);
        await Assert.ThrowsAsync<ServiceManagerUnavailableException>(() => manager.StartAsync("kubelet", CancellationToken.None));
    }

    [Fact]
    public void Should_BeAvailable_When_SystemctlIsFoundAndSystemdRuns()
    {
        Assert.True(_manager.IsAvailable);
    }

    [Fact]
    public void Should_BeUnavailable_When_SystemctlIsFoundButSystemdIsNotPid1()
    {
        var manager = new SystemctlServiceManager(_runner, Path.Combine(_systemdRuntimeDirectory, "absent"));

        Assert.False(manager.IsAvailable);
        Assert.Empty(_runner.CommandLines);
    }
}
