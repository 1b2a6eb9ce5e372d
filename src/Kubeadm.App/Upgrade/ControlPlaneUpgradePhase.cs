using Kubeadm.Core.ControlPlane;
using Kubeadm.Core.Errors;
using Kubeadm.Core.Host;
using Kubeadm.Core.Images;
using Kubeadm.Core.Upgrade.Apply;

namespace Kubeadm.App.Upgrade;

/// <summary>
/// The control-plane phase of `upgrade apply` and `upgrade node` (kubeadm's PerformStaticPodUpgrade): the mirror Pod
/// hashes read first, local etcd upgraded first when the target needs a newer one (its data directory backed up), then
/// kube-apiserver, kube-controller-manager and kube-scheduler, then admin.conf's certificate renewed.
/// </summary>
public static class ControlPlaneUpgradePhase
{
    public static async Task RunAsync(UpgradeContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.IsControlPlaneNode)
        {
            context.Out.WriteLine("[upgrade/control-plane] Skipping phase. Not a control plane node.");
            return;
        }

        var state = context.State ??= UpgradeStateStore.LoadOrStart(context);
        var timeout = StaticPodUpgrader.GoDurationText(context.UpgradeManifestsTimeout);
        context.Out.WriteLine(context.DryRun
            ? $"[dryrun] Would upgrade your static Pod-hosted control plane to version \"{context.TargetVersion}\""
            : $"[upgrade/control-plane] Upgrading your static Pod-hosted control plane to version \"{context.TargetVersion}\" (timeout: {timeout})...");

        var waiter = context.Waiter();
        var upgrader = new StaticPodUpgrader(context, state, waiter);
        var before = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var component in UpgradeComponents.ControlPlane)
        {
            var status = state.Component(component).Status;
            before[component] = context.DryRun || status is ComponentUpgradeStatus.Upgraded or ComponentUpgradeStatus.Written
                ? null
                : await waiter.CurrentHashAsync(component, cancellationToken).ConfigureAwait(false);
        }

        if (context.Config.Cluster.Etcd.Local is not null)
        {
            await EtcdUpgradeStep.RunAsync(context, state, upgrader, waiter, cancellationToken).ConfigureAwait(false);
        }

        foreach (var component in UpgradeComponents.ControlPlane)
        {
            await upgrader.UpgradeAsync(component, upgrader.Render(component), before[component], restoreEtcd: false, cancellationToken).ConfigureAwait(false);
        }

        if (context.Options.CertificateRenewal)
        {
            ComponentCertificateRenewal.RenewAdminKubeconfigs(context, state);
        }

        UpgradeStateStore.Save(context, state);
        context.Out.WriteLine(context.DryRun
            ? "[dryrun] The control plane instance for this node would have been upgraded"
            : "[upgrade/control-plane] The control plane instance for this node was successfully upgraded!");
    }
}

/// <summary>kubeadm's performEtcdStaticPodUpgrade, for stacked (local) etcd.</summary>
internal static class EtcdUpgradeStep
{
    public static async Task RunAsync(
        UpgradeContext context, UpgradeRunState state, StaticPodUpgrader upgrader, StaticPodWaiter waiter, CancellationToken cancellationToken)
    {
        var record = state.Component(ComponentNames.Etcd);
        if (!context.Options.EtcdUpgrade)
        {
            record.Status = ComponentUpgradeStatus.Skipped;
            return;
        }

        var path = StaticPodUpgrader.ManifestPath(ComponentNames.Etcd);
        if (!context.FileSystem.FileExists(path))
        {
            throw new KubeadmUserException($"[upgrade/etcd] the etcd static Pod manifest \"{path}\" is missing on this control-plane node");
        }

        var etcd = context.EtcdClient?.Invoke();
        if (etcd is not null && !context.DryRun)
        {
            try
            {
                await etcd.CheckClusterHealthAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                throw new KubeadmUserException($"etcd cluster is not healthy: {e.Message}", e);
            }
        }

        var dataDir = context.Config.Cluster.Etcd.Local!.DataDir;
        if (!context.DryRun && !state.EtcdDataBackedUp && context.FileSystem.DirectoryExists(dataDir))
        {
            try
            {
                EtcdDataBackup.CopyDirectory(context.FileSystem, dataDir, state.Backups.EtcdDataBackupDir);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new KubeadmUserException($"failed to back up etcd data: {e.Message}", e);
            }

            state.EtcdDataBackedUp = true;
            UpgradeStateStore.Save(context, state);
        }

        var current = StaticPodManifestFacts.ImageVersion(context.FileSystem.ReadAllText(path));
        var desired = ControlPlaneImages.EtcdTagFor(context.TargetVersion);
        record.FromVersion = record.FromVersion.Length > 0 ? record.FromVersion : current;
        record.ToVersion = desired;
        EtcdUpgradeAction action;
        try
        {
            action = EtcdUpgradeDecision.Decide(current, desired);
        }
        catch (FormatException e)
        {
            throw new KubeadmUserException($"failed to parse the current etcd version({current}): {e.Message}", e);
        }

        if (action == EtcdUpgradeAction.RefuseDowngrade)
        {
            context.Out.WriteLine($"[upgrade/etcd] non fatal issue encountered during upgrade: {EtcdUpgradeDecision.DowngradeMessage(context.TargetVersion, desired, current)}");
            record.Status = ComponentUpgradeStatus.Skipped;
            return;
        }

        if (action == EtcdUpgradeAction.Keep && record.Status != ComponentUpgradeStatus.Written)
        {
            record.Status = record.Status == ComponentUpgradeStatus.Upgraded ? record.Status : ComponentUpgradeStatus.Unchanged;
            return;
        }

        try
        {
            await upgrader.UpgradeAsync(ComponentNames.Etcd, upgrader.Render(ComponentNames.Etcd), null, restoreEtcd: true, cancellationToken).ConfigureAwait(false);
        }
        catch (KubeadmUserException e)
        {
            context.Out.WriteLine($"[upgrade/etcd] Failed to upgrade etcd: {e.Message}");
            await RecoverAsync(context, state, etcd, cancellationToken).ConfigureAwait(false);
            throw new KubeadmUserException($"fatal error when trying to upgrade the etcd cluster, rolled the state back to pre-upgrade state: {e.Message}", e);
        }

        if (etcd is null || context.DryRun)
        {
            return;
        }

        context.Out.WriteLine("[upgrade/etcd] Waiting for etcd to become available");
        try
        {
            await etcd.WaitForClusterAvailableAsync(context.Options.EtcdRetries, context.Options.EtcdRetryInterval, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            context.Out.WriteLine($"[upgrade/etcd] Failed to healthcheck etcd: {e.Message}");
            RestoreData(context, state);
            context.Out.WriteLine("[upgrade/etcd] Rolling back etcd manifest");
            upgrader.RollBack(e, restoreEtcd: true);
            await RecoverAsync(context, state, etcd, cancellationToken).ConfigureAwait(false);
            throw new KubeadmUserException($"fatal error upgrading local etcd cluster, rolled the state back to pre-upgrade state: {e.Message}", e);
        }
    }

    /// <summary>After a failed etcd upgrade: wait for the old etcd; only when it stays down put the data backup back and wait again.</summary>
    private static async Task RecoverAsync(UpgradeContext context, UpgradeRunState state, Kubeadm.Core.EtcdApi.IEtcdCluster? etcd, CancellationToken cancellationToken)
    {
        if (etcd is null || context.DryRun)
        {
            return;
        }

        context.Out.WriteLine("[upgrade/etcd] Waiting for previous etcd to become available");
        try
        {
            await etcd.WaitForClusterAvailableAsync(context.Options.EtcdRetries, context.Options.EtcdRetryInterval, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            context.Out.WriteLine($"[upgrade/etcd] Failed to healthcheck previous etcd: {e.Message}");
            RestoreData(context, state);
            context.Out.WriteLine("[upgrade/etcd] Waiting for previous etcd to become available");
            try
            {
                await etcd.WaitForClusterAvailableAsync(context.Options.EtcdRetries, context.Options.EtcdRetryInterval, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception again) when (again is not OperationCanceledException)
            {
                throw new KubeadmUserException(
                    $"fatal error rolling back local etcd cluster manifest, the backup of etcd database is stored here:({state.Backups.EtcdDataBackupDir}): {again.Message}", again);
            }
        }

        context.Out.WriteLine("[upgrade/etcd] Etcd was rolled back and is now available");
    }

    private static void RestoreData(UpgradeContext context, UpgradeRunState state)
    {
        if (!state.EtcdDataBackedUp)
        {
            return;
        }

        context.Out.WriteLine("[upgrade/etcd] Rolling back etcd data");
        EtcdDataBackup.CopyDirectory(context.FileSystem, state.Backups.EtcdDataBackupDir, context.Config.Cluster.Etcd.Local!.DataDir);
        context.Out.WriteLine("[upgrade/etcd] Etcd data rollback successful");
    }
}
