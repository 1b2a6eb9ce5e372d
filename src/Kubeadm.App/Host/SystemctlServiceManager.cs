using Kubeadm.Core.Host;

namespace Kubeadm.App.Host;

/// <summary>
/// systemd through <c>systemctl</c>, with the same commands kubeadm runs (start and restart reload systemd first).
/// A failing command throws <see cref="ServiceManagerException"/> carrying systemctl's error output; a missing
/// systemctl throws <see cref="ServiceManagerUnavailableException"/>.
/// </summary>
public sealed class SystemctlServiceManager : IServiceManager
{
    /// <summary>The executable this manager runs.</summary>
    public const string Systemctl = "systemctl";

    private const string StatusProperties = "--property=LoadState,ActiveState,UnitFileState";

    private readonly IProcessRunner _runner;

    /// <summary>Creates the manager over a process runner (a <see cref="ProcessRunner"/> outside tests).</summary>
    public SystemctlServiceManager(IProcessRunner runner)
    {
        ArgumentNullException.ThrowIfNull(runner);
        _runner = runner;
    }

    /// <inheritdoc/>
    public bool IsAvailable => _runner.FindExecutable(Systemctl) is not null;

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
