using k8s.Models;
using Kubeadm.Core.Addons;
using Kubeadm.Core.Constants;
using Kubeadm.Core.Errors;
using Kubeadm.Core.Upgrade;
using Kubeadm.Core.Upgrade.Apply;

namespace Kubeadm.App.Upgrade;

/// <summary>
/// The Corefile step of kubeadm's CoreDNS upgrade: when the installed CoreDNS is another version and the Corefile uses a
/// plugin or option the new one removes or re-defaults, the migrated Corefile is stored and the old one kept under the
/// ConfigMap key "Corefile-backup". For the versions kubeadm 1.33 → 1.34 move between no rule applies, so the
/// Corefile is left as it is (and init's installer then keeps a Corefile the user edited).
/// </summary>
public static class CoreDnsUpgrade
{
    public const string BackupKey = "Corefile-backup";

    public static async Task MigrateCorefileAsync(UpgradeContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var api = context.Api;
        var deployment = await api.GetAsync<V1Deployment>(AddonLabels.SystemNamespace, CoreDnsManifests.Name, cancellationToken).ConfigureAwait(false);
        var configMap = await api.GetAsync<V1ConfigMap>(AddonLabels.SystemNamespace, CoreDnsManifests.Name, cancellationToken).ConfigureAwait(false);
        var image = deployment?.Spec?.Template?.Spec?.Containers?.FirstOrDefault()?.Image;
        if (image is null || configMap?.Data?.TryGetValue(CoreDnsManifests.ConfigMapKey, out var corefile) is not true || corefile.Length == 0)
        {
            return;
        }

        var from = ImageVersion.FromImage(image);
        var to = ComponentVersions.CoreDns;
        if (from.TrimStart('v') == to.TrimStart('v') || !CorefileMigration.CanMigrate(from, to))
        {
            // Same version: nothing to do. Unknown version: preflight's CoreDNSMigration check was ignored on purpose; keep it.
            return;
        }

        var result = CorefileMigration.Migrate(from, to, corefile);
        if (!result.MigrationRequired)
        {
            return;
        }

        configMap.Data[BackupKey] = corefile;
        configMap.Data[CoreDnsManifests.ConfigMapKey] = result.Corefile;
        try
        {
            await api.CreateOrUpdateAsync(configMap, cancellationToken).ConfigureAwait(false);
        }
        catch (Kubeadm.Core.ClusterApi.ClusterApiException e)
        {
            throw new KubeadmUserException($"unable to update the CoreDNS ConfigMap: {e.Message}", e);
        }

        context.Out.WriteLine($"[addons] Migrating CoreDNS Corefile");
        context.Out.WriteLine($"[addons] the CoreDNS Configuration was migrated: {result.Corefile}. The old migration has been saved in the CoreDNS ConfigMap under the name [{BackupKey}].");
    }
}
