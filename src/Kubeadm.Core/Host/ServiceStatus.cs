namespace Kubeadm.Core.Host;

/// <summary>A unit's state in systemd's own words (the <c>LoadState</c>, <c>ActiveState</c> and <c>UnitFileState</c> properties).</summary>
/// <param name="Unit">The unit name as asked for, e.g. <c>kubelet</c>.</param>
/// <param name="LoadState">e.g. <c>loaded</c> or <c>not-found</c>.</param>
/// <param name="ActiveState">e.g. <c>active</c>, <c>inactive</c>, <c>failed</c>, <c>activating</c>.</param>
/// <param name="UnitFileState">e.g. <c>enabled</c>, <c>disabled</c>, <c>static</c>, or empty when unknown.</param>
public sealed record ServiceStatus(string Unit, string LoadState, string ActiveState, string UnitFileState)
{
    /// <summary>False when systemd knows no such unit.</summary>
    public bool Exists => !string.Equals(LoadState, "not-found", StringComparison.Ordinal);

    /// <summary>True when the unit is running.</summary>
    public bool IsActive => string.Equals(ActiveState, "active", StringComparison.Ordinal);

    /// <summary>True when the unit starts at boot.</summary>
    public bool IsEnabled => string.Equals(UnitFileState, "enabled", StringComparison.Ordinal);
}
