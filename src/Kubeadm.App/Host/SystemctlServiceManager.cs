using Kubeadm.Core.Host;

namespace Kubeadm.App.Host;

/// <summary>
/// systemd through <c>systemctl</c>, with the same commands kubeadm runs (start and restart reload systemd first).
/// A failing command throws <see cref="ServiceManagerException"/> carrying systemctl's error output; a missing
/// systemctl throws <see cref="ServiceManagerUnavailableException"/>. systemd counts as present only when systemctl is
/// on the PATH and systemd runs the host (sd_booted: /run/systemd/system exists); a systemctl installed in a
/// container or chroot without systemd as PID 1 cannot do anything ("System has not been booted with systemd").
/// </summary>
public sealed class SystemctlServiceManager : IServiceManager
{
    /// <summary>The executable this manager runs.</summary>
    public const string Systemctl = "systemctl";

    private const string StatusProperties = "--property=LoadState,ActiveState,UnitFileState";

    /// <summary>The directory systemd creates at boot; its presence is how sd_booted() tells systemd runs the host.</summary>
    public const string SystemdRuntimeDirectory = "/run/systemd/system";

    private readonly IProcessRunner _runner;
    private readonly string _systemdRuntimeDirectory;

    /// <summary>Creates the manager over a process runner (a <see cref="ProcessRunner"/> outside tests).</summary>
    public SystemctlServiceManager(IProcessRunner runner, string systemdRuntimeDirectory = SystemdRuntimeDirectory)
    {
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentException.ThrowIfNullOrEmpty(systemdRuntimeDirectory);
        _runner = runner;
        _systemdRuntimeDirectory = systemdRuntimeDirectory;
    }

    /// <inheritdoc/>
    public bool IsAvailable => _runner.FindExecutable(Systemctl) is not null && Directory.Exists(_systemdRuntimeDirectory);

    /// <inheritdoc/>
    public async Task<ServiceStatus> GetStatusAsync(string unit, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(unit);
        var output = await RunAsync(["show", StatusProperties, unit], cancellationToken).ConfigureAwait(false);
        var properties = output.Split('\n')
            .Select(line => line.Split('=', 2))
            .Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0].Trim(), pair => pair[1].Trim(), StringComparer.Ordinal);
        return new ServiceStatus(
            unit,
            properties.GetValueOrDefault("LoadState", string.Empty),
            properties.GetValueOrDefault("ActiveState", string.Empty),
            properties.GetValueOrDefault("UnitFileState", string.Empty));
    }

    /// <inheritdoc/>
    public async Task StartAsync(string unit, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(unit);
        await RunAsync(["daemon-reload"], cancellationToken).ConfigureAwait(false);
        await RunAsync(["start", unit], cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task StopAsync(string unit, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(unit);
        await RunAsync(["stop", unit], cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task RestartAsync(string unit, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(unit);
        await RunAsync(["daemon-reload"], cancellationToken).ConfigureAwait(false);
        await RunAsync(["restart", unit], cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task EnableAsync(string unit, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(unit);
        await RunAsync(["enable", unit], cancellationToken).ConfigureAwait(false);
    }

    private async Task<string> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        ProcessResult result;
        try
        {
            result = await _runner.RunAsync(Systemctl, arguments, cancellationToken).ConfigureAwait(false);
        }
        catch (ExecutableNotFoundException exception)
        {
            throw new ServiceManagerUnavailableException(
                "systemctl was not found: kubeadm needs systemd to manage the kubelet service", exception);
        }

        if (result.ExitCode != 0)
        {
            var detail = string.IsNullOrWhiteSpace(result.StandardError) ? result.StandardOutput : result.StandardError;
            throw new ServiceManagerException(
                $"\"{Systemctl} {string.Join(' ', arguments)}\" failed with exit code {result.ExitCode}: {detail.Trim()}");
        }

        return result.StandardOutput;
    }
}
