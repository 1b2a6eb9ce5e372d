using Kubeadm.App.CertsCommands;
using Kubeadm.Core.Constants;
using Kubeadm.Core.Upgrade.Apply;

namespace Kubeadm.App.Upgrade;

/// <summary>
/// kubeadm's per-component certificate renewal during an upgrade (--certificate-renewal, on by default), done with
/// `kubeadm certs renew`'s own renewer. Before a file is renewed its current certificate, key or kubeconfig is copied
/// into the upgrade's backup directory (pki/, kubeconfig/), so a rollback can put the old credentials back.
/// </summary>
public static class ComponentCertificateRenewal
{
    public static void Renew(UpgradeContext context, UpgradeRunState state, ComponentUpgradeRecord record, IEnumerable<string> certificateNames)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(record);
        var renewer = new CertificateRenewer(CertsContext(context));
        foreach (var name in certificateNames)
        {
            var target = renewer.Known.FirstOrDefault(c => c.Name == name);
            if (target is null)
            {
                continue;
            }

            context.Out.WriteLine($"[upgrade/staticpods] Renewing {name} certificate");
            if (context.DryRun)
            {
                continue;
            }

            foreach (var file in FilesOf(context, state, target))
            {
                UpgradeStateStore.BackUpOnce(context.FileSystem, file.Original, file.Backup);
                if (context.FileSystem.FileExists(file.Backup))
                {
                    record.AddFile(file);
                }
            }

            UpgradeStateStore.Save(context, state);
            renewer.Renew(target);
        }
    }

    /// <summary>kubeadm renews admin.conf (and super-admin.conf where it exists) after the control plane moved.</summary>
    public static void RenewAdminKubeconfigs(UpgradeContext context, UpgradeRunState state)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(state);
        var record = state.Component("admin.conf");
        var names = new List<string> { "admin.conf" };
        if (context.FileSystem.FileExists($"{KubeadmConstants.KubernetesDir}/super-admin.conf"))
        {
            names.Add("super-admin.conf");
        }

        var renewer = new CertificateRenewer(CertsContext(context));
        foreach (var name in names)
        {
            var target = renewer.Known.First(c => c.Name == name);
            if (context.DryRun)
            {
                continue;
            }

            foreach (var file in FilesOf(context, state, target))
            {
                UpgradeStateStore.BackUpOnce(context.FileSystem, file.Original, file.Backup);
                record.AddFile(file);
            }

            UpgradeStateStore.Save(context, state);
            renewer.Renew(target);
        }

        record.Status = ComponentUpgradeStatus.Upgraded;
    }

    private static IEnumerable<BackedUpFile> FilesOf(UpgradeContext context, UpgradeRunState state, RenewableCertificate target)
    {
        if (target.KubeconfigFileName is { } fileName)
        {
            yield return new BackedUpFile($"{KubeadmConstants.KubernetesDir}/{fileName}", state.Backups.KubeconfigBackupPath(fileName));
            yield break;
        }

        var certificatesDir = context.Config.Cluster.CertificatesDir;
        foreach (var extension in new[] { ".crt", ".key" })
        {
            var original = $"{certificatesDir.TrimEnd('/')}/{target.PkiBaseName}{extension}";
            yield return new BackedUpFile(original, state.Backups.CertificateBackupPath(certificatesDir, original));
        }
    }

    private static CertsCommandContext CertsContext(UpgradeContext context) => new()
    {
        Config = context.Config,
        FileSystem = context.FileSystem,
        KubeconfigDir = KubeadmConstants.KubernetesDir,
        Out = TextWriter.Null,
        Err = context.Err,
        Clock = context.Clock,
        KeyGenerator = context.Node.KeyGenerator,
    };
}
