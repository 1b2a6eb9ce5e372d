namespace Kubeadm.Core.Upgrade.Apply;

/// <summary>
/// The progress of one `upgrade apply` (or `upgrade node`) towards a target version, kept in
/// /etc/kubernetes/tmp/kubeadm-upgrade-state.json: a re-run for the same target reuses its backup directories (so the
/// first backups, of the pre-upgrade files, are never replaced) and picks up components left half done.
/// </summary>
public sealed class UpgradeRunState
{
    public required string TargetVersion { get; init; }

    public required UpgradeBackupLayout Backups { get; init; }

    /// <summary>Every phase of the run finished; a later run starts afresh.</summary>
    public bool Completed { get; set; }

    /// <summary>The etcd data directory was copied to <see cref="UpgradeBackupLayout.EtcdDataBackupDir"/>.</summary>
    public bool EtcdDataBackedUp { get; set; }

    public List<ComponentUpgradeRecord> Components { get; } = [];

    /// <summary>The record of a component, added (pending) on first use.</summary>
    public ComponentUpgradeRecord Component(string name)
    {
        var record = Components.Find(c => c.Name == name);
        if (record is null)
        {
            record = new ComponentUpgradeRecord { Name = name };
            Components.Add(record);
        }

        return record;
    }

    /// <summary>
    /// Whether a run for <paramref name="targetVersion"/> continues this state: same target and not completed.
    /// Anything else (another target, a finished run) starts a new state with new backup directories.
    /// </summary>
    public bool IsResumableFor(string targetVersion) => !Completed && TargetVersion == targetVersion;
}
