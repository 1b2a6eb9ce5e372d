namespace Kubeadm.Core.Upgrade.Apply;

/// <summary>One control-plane component in an upgrade: its versions, status, backups and how long the kubelet took.</summary>
public sealed class ComponentUpgradeRecord
{
    public required string Name { get; init; }

    /// <summary>The image tag of the manifest before the upgrade ("" when there was none).</summary>
    public string FromVersion { get; set; } = "";

    /// <summary>The image tag the target version's manifest runs.</summary>
    public string ToVersion { get; set; } = "";

    public ComponentUpgradeStatus Status { get; set; }

    /// <summary>The backed-up manifest ("" until the component was backed up).</summary>
    public string BackupPath { get; set; } = "";

    /// <summary>How long the wait for the kubelet's restart and the component's health took.</summary>
    public TimeSpan Wait { get; set; }

    /// <summary>Every file replaced for this component (manifest, certificates, kubeconfigs), with its backup.</summary>
    public List<BackedUpFile> Files { get; } = [];

    /// <summary>Remembers a backup once; a re-run never replaces the first backup of a file with a newer one.</summary>
    public void AddFile(BackedUpFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (!Files.Exists(f => f.Original == file.Original))
        {
            Files.Add(file);
        }
    }
}
