using System.Text;

namespace Kubeadm.Core.Upgrade.Apply;

/// <summary>
/// The rollback.sh kept beside the backups (our addition): one `sh` command puts back every file the upgrade
/// replaced — manifests, certificates, keys and kubeconfigs — with their modes, each copy atomic (copy to a
/// temporary name, then rename). The kubelet then restarts the old static Pods on its own. ROOTFS=DIR prefixes the
/// host paths (for a node under a different root). The etcd data backup is NOT copied back by the script: etcd keeps
/// its data across a version change, and putting an older copy under a member of a running cluster would lose writes;
/// the script names the backup for the rare manual case.
/// </summary>
public static class RollbackScript
{
    public static string Compose(UpgradeRunState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var script = new StringBuilder();
        script.Append("#!/bin/sh\n");
        script.Append($"# Written by kubeadm upgrade (target {state.TargetVersion}): puts back the files it replaced.\n");
        script.Append("# Run: sh ").Append(state.Backups.RollbackScriptPath).Append('\n');
        script.Append("set -eu\n");
        script.Append("R=\"${ROOTFS:-}\"\n");
        script.Append("restore() {\n");
        script.Append("  cp -p \"$R$1\" \"$R$2.kubeadm-rollback\"\n");
        script.Append("  mv -f \"$R$2.kubeadm-rollback\" \"$R$2\"\n");
        script.Append("  echo \"[upgrade/rollback] Restored $2 from $1\"\n");
        script.Append("}\n");

        // Certificates and kubeconfigs first, so a component restarted by its manifest finds its old credentials.
        var files = state.Components.SelectMany(c => c.Files).ToList();
        foreach (var file in files.Where(f => !IsManifest(f)).Concat(files.Where(IsManifest)))
        {
            script.Append("restore ").Append(Quote(file.Backup)).Append(' ').Append(Quote(file.Original)).Append('\n');
        }

        if (state.EtcdDataBackedUp)
        {
            script.Append("# etcd data before the upgrade: ").Append(state.Backups.EtcdDataBackupDir).Append(" (not restored by this script)\n");
        }

        script.Append("echo \"[upgrade/rollback] Done; the kubelet restarts the static Pods from the restored manifests.\"\n");
        return script.ToString();
    }

    private static bool IsManifest(BackedUpFile file) => file.Original.EndsWith(".yaml", StringComparison.Ordinal)
        && file.Original.Contains("/manifests/", StringComparison.Ordinal);

    private static string Quote(string path) => "'" + path.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
