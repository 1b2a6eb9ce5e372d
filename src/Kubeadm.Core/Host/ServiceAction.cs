namespace Kubeadm.Core.Host;

/// <summary>What was asked of an <see cref="IServiceManager"/>.</summary>
public enum ServiceAction
{
    /// <summary><see cref="IServiceManager.GetStatusAsync"/>.</summary>
    GetStatus,

    /// <summary><see cref="IServiceManager.StartAsync"/>.</summary>
    Start,

    /// <summary><see cref="IServiceManager.StopAsync"/>.</summary>
    Stop,

    /// <summary><see cref="IServiceManager.RestartAsync"/>.</summary>
    Restart,

    /// <summary><see cref="IServiceManager.EnableAsync"/>.</summary>
    Enable,
}
