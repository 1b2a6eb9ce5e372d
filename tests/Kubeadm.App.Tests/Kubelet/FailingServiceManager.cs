using Kubeadm.Core.Host;

namespace Kubeadm.App.Tests.Kubelet;

/// <summary>An init system that is present but refuses to stop or restart anything.</summary>
internal sealed class FailingServiceManager : IServiceManager
{
    public bool IsAvailable => true;

    public Task<ServiceStatus> GetStatusAsync(string unit, CancellationToken cancellationToken) =>
        Task.FromResult(new ServiceStatus(unit, "not-found", "inactive", ""));

    public Task StartAsync(string unit, CancellationToken cancellationToken) => throw Failure("start", unit);

    public Task StopAsync(string unit, CancellationToken cancellationToken) => throw Failure("stop", unit);

    public Task RestartAsync(string unit, CancellationToken cancellationToken) => throw Failure("restart", unit);

    public Task EnableAsync(string unit, CancellationToken cancellationToken) => throw Failure("enable", unit);

    private static ServiceManagerException Failure(string verb, string unit) =>
        new($"\"systemctl {verb} {unit}\" failed with exit code 5: Unit {unit}.service not found.");
}
