namespace Kubeadm.Core.Host;

/// <summary>
/// A simulated init system for tests and <c>--dry-run</c>: records every call, tracks unit state
/// (start makes a unit active, enable makes it enabled), and, when given an output, prints
/// <c>[dryrun] Would start the "kubelet" service</c> for each change. Unknown units are loaded, inactive and disabled
/// unless <see cref="SetStatus"/> says otherwise.
/// </summary>
public sealed class RecordingServiceManager : IServiceManager
{
    private readonly TextWriter? _dryRunOutput;
    private readonly Lock _lock = new();
    private readonly List<ServiceCall> _calls = [];
    private readonly Dictionary<string, ServiceStatus> _statuses = new(StringComparer.Ordinal);

    /// <summary>Creates the manager.</summary>
    /// <param name="dryRunOutput">Where to print the <c>[dryrun]</c> lines; null prints nothing.</param>
    /// <param name="isAvailable">What <see cref="IsAvailable"/> reports.</param>
    public RecordingServiceManager(TextWriter? dryRunOutput = null, bool isAvailable = true)
    {
        _dryRunOutput = dryRunOutput;
        IsAvailable = isAvailable;
    }

    /// <inheritdoc/>
    public bool IsAvailable { get; }

    /// <summary>Every call so far, in order.</summary>
    public IReadOnlyList<ServiceCall> Calls
    {
        get
        {
            lock (_lock)
            {
                return [.. _calls];
            }
        }
    }

    /// <summary>Sets what <see cref="GetStatusAsync"/> reports for <see cref="ServiceStatus.Unit"/>.</summary>
    public void SetStatus(ServiceStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        lock (_lock)
        {
            _statuses[status.Unit] = status;
        }
    }

    /// <inheritdoc/>
    public Task<ServiceStatus> GetStatusAsync(string unit, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            _calls.Add(new ServiceCall(ServiceAction.GetStatus, unit));
            return Task.FromResult(StatusOf(unit));
        }
    }

    /// <inheritdoc/>
    public Task StartAsync(string unit, CancellationToken cancellationToken) =>
        Change(ServiceAction.Start, "start", unit, status => status with { ActiveState = "active" }, cancellationToken);

    /// <inheritdoc/>
    public Task StopAsync(string unit, CancellationToken cancellationToken) =>
        Change(ServiceAction.Stop, "stop", unit, status => status with { ActiveState = "inactive" }, cancellationToken);

    /// <inheritdoc/>
    public Task RestartAsync(string unit, CancellationToken cancellationToken) =>
        Change(ServiceAction.Restart, "restart", unit, status => status with { ActiveState = "active" }, cancellationToken);

    /// <inheritdoc/>
    public Task EnableAsync(string unit, CancellationToken cancellationToken) =>
        Change(ServiceAction.Enable, "enable", unit, status => status with { UnitFileState = "enabled" }, cancellationToken);

    private Task Change(ServiceAction action, string verb, string unit, Func<ServiceStatus, ServiceStatus> apply, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(unit);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            _calls.Add(new ServiceCall(action, unit));
            _statuses[unit] = apply(StatusOf(unit));
            _dryRunOutput?.Write($"[dryrun] Would {verb} the \"{unit}\" service\n");
        }

        return Task.CompletedTask;
    }

    private ServiceStatus StatusOf(string unit) =>
        _statuses.TryGetValue(unit, out var status) ? status : new ServiceStatus(unit, "loaded", "inactive", "disabled");
}
