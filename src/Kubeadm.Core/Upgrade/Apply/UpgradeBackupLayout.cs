using System.Globalization;
using Kubeadm.Core.Constants;

namespace Kubeadm.Core.Upgrade.Apply;

/// <summary>
/// Where an upgrade keeps what it replaced, named as kubeadm names it under /etc/kubernetes/tmp:
/// kubeadm-backup-manifests-&lt;date&gt; (the old manifests, flat, as kubeadm leaves them; we add pki/ and
/// kubeconfig/ for the certificates renewed on the way and a rollback.sh), kubeadm-backup-etcd-&lt;date&gt;/etcd
/// (a copy of the etcd data directory) and kubeadm-kubelet-config-&lt;date&gt;/config.yaml.
/// </summary>
/// <param name="ManifestsBackupDir">The manifest backup directory of this upgrade.</param>
/// <param name="EtcdBackupDir">The etcd data backup directory of this upgrade.</param>
public sealed record UpgradeBackupLayout(string ManifestsBackupDir, string EtcdBackupDir)
{
    public const string StateFileName = "kubeadm-upgrade-state.json";
    public const string RollbackScriptName = "rollback.sh";

    /// <summary>Where a run leaves its progress, so a re-run finds the same backups (our addition).</summary>
    public static string StatePath => $"{KubeadmConstants.TempDir}/{StateFileName}";

    /// <summary>kubeadm's timestamp suffix: the local time as yyyy-MM-dd-HH-mm-ss.</summary>
    public static string Stamp(DateTimeOffset localTime) => localTime.ToString("yyyy-MM-dd-HH-mm-ss", CultureInfo.InvariantCulture);

    public static UpgradeBackupLayout For(DateTimeOffset localTime)
    {
        var stamp = Stamp(localTime);
        return new UpgradeBackupLayout(
            $"{KubeadmConstants.TempDir}/kubeadm-backup-manifests-{stamp}",
            $"{KubeadmConstants.TempDir}/kubeadm-backup-etcd-{stamp}");
    }

    /// <summary>kubeadm's backup directory of the kubelet's config.yaml.</summary>
    public static string KubeletConfigBackupDir(DateTimeOffset localTime) => $"{KubeadmConstants.TempDir}/kubeadm-kubelet-config-{Stamp(localTime)}";

    public string ManifestBackupPath(string component) => $"{ManifestsBackupDir}/{component}.yaml";

    /// <summary>The backup of a file under the certificates directory (pki/&lt;relative path&gt;).</summary>
    public string CertificateBackupPath(string certificatesDir, string path) =>
        $"{ManifestsBackupDir}/pki/{RelativeTo(certificatesDir, path)}";

    /// <summary>The backup of a kubeconfig file under /etc/kubernetes (kubeconfig/&lt;file name&gt;).</summary>
    public string KubeconfigBackupPath(string fileName) => $"{ManifestsBackupDir}/kubeconfig/{fileName}";

    public string EtcdDataBackupDir => $"{EtcdBackupDir}/etcd";

    public string RollbackScriptPath => $"{ManifestsBackupDir}/{RollbackScriptName}";

    private static string RelativeTo(string directory, string path)
    {
        var prefix = directory.TrimEnd('/') + "/";
        return path.StartsWith(prefix, StringComparison.Ordinal)
            ? path[prefix.Length..]
            : throw new ArgumentException($"\"{path}\" is not under \"{directory}\"", nameof(path));
    }
}
