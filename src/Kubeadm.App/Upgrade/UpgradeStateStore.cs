using Kubeadm.Core.Host;
using Kubeadm.Core.Upgrade.Apply;

namespace Kubeadm.App.Upgrade;

/// <summary>
/// Keeps the run state (/etc/kubernetes/tmp/kubeadm-upgrade-state.json) and the backup directory's rollback.sh in step
/// with every backup made, so an interrupted run leaves both behind. Nothing is written in --dry-run.
/// </summary>
public static class UpgradeStateStore
{
    /// <summary>The unfinished state for this target, or a new one with backup directories named from the local time.</summary>
    public static UpgradeRunState LoadOrStart(UpgradeContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var path = UpgradeBackupLayout.StatePath;
        if (context.FileSystem.FileExists(path)
            && UpgradeRunStateJson.TryRead(context.FileSystem.ReadAllText(path)) is { } earlier
            && earlier.IsResumableFor(context.TargetVersion))
        {
            context.Out.WriteLine(
                $"[upgrade] Resuming the unfinished upgrade to \"{earlier.TargetVersion}\" recorded in \"{path}\" (backups in \"{earlier.Backups.ManifestsBackupDir}\")");
            return earlier;
        }

        var now = context.Clock.GetLocalNow();
        return new UpgradeRunState { TargetVersion = context.TargetVersion, Backups = UpgradeBackupLayout.For(now) };
    }

    public static void Save(UpgradeContext context, UpgradeRunState state)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(state);
        if (context.DryRun)
        {
            return;
        }

        var fileSystem = context.FileSystem;
        fileSystem.CreateDirectory(state.Backups.ManifestsBackupDir, FileModes.PrivateDirectory);
        fileSystem.WriteAllText(state.Backups.RollbackScriptPath, RollbackScript.Compose(state), FileModes.Private);
        fileSystem.WriteAllText(UpgradeBackupLayout.StatePath, UpgradeRunStateJson.Write(state), FileModes.Private);
    }

    /// <summary>Copies a file to its backup path once: the first backup (the pre-upgrade content) is never replaced.</summary>
    public static void BackUpOnce(IFileSystem fileSystem, string original, string backup)
    {
        ArgumentNullException.ThrowIfNull(fileSystem);
        if (fileSystem.FileExists(backup) || !fileSystem.FileExists(original))
        {
            return;
        }

        var mode = fileSystem.GetMode(original);
        var parent = backup[..backup.LastIndexOf('/')];
        fileSystem.CreateDirectory(parent, FileModes.PrivateDirectory);
        fileSystem.WriteFile(backup, fileSystem.ReadAllBytes(original), mode);
    }

    /// <summary>Puts a backed-up file back (atomically, with the backup's mode).</summary>
    public static void Restore(IFileSystem fileSystem, BackedUpFile file)
    {
        ArgumentNullException.ThrowIfNull(fileSystem);
        ArgumentNullException.ThrowIfNull(file);
        fileSystem.WriteFile(file.Original, fileSystem.ReadAllBytes(file.Backup), fileSystem.GetMode(file.Backup));
    }
}
