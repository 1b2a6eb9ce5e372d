namespace Kubeadm.Core.Host;

/// <summary>The host's init system (systemd), as far as kubeadm drives it: the kubelet service.</summary>
public interface IServiceManager
{
    /// <summary>True when the init system is present and running (for systemd: <c>systemctl</c> can be found and systemd is PID 1).</summary>
    bool IsAvailable { get; }

    /// <summary>Reads whether the unit exists, is active and is enabled.</summary>
    Task<ServiceStatus> GetStatusAsync(string unit, CancellationToken cancellationToken);

    /// <summary>Starts the unit.</summary>
    Task StartAsync(string unit, CancellationToken cancellationToken);

    /// <summary>Stops the unit.</summary>
    Task StopAsync(string unit, CancellationToken cancellationToken);

    /// <summary>Restarts the unit (starting it when stopped).</summary>
    Task RestartAsync(string unit, CancellationToken cancellationToken);

    /// <summary>Enables the unit so it starts at boot.</summary>
    Task EnableAsync(string unit, CancellationToken cancellationToken);
}
