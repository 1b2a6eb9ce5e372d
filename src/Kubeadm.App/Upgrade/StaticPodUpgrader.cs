using System.Diagnostics;
using Kubeadm.App.ControlPlane;
using Kubeadm.Core.Constants;
using Kubeadm.Core.ControlPlane;
using Kubeadm.Core.Errors;
using Kubeadm.Core.Host;
using Kubeadm.Core.Upgrade.Apply;

namespace Kubeadm.App.Upgrade;

/// <summary>
/// Moves one static Pod component to its new manifest as kubeadm's upgradeComponent does — renew its certificates,
/// back up the manifest, put the new one in place, wait until the kubelet restarted it (mirror Pod hash changed) and its
/// Pods run — and rolls every component this upgrade touched back (manifests and the certificates renewed with them;
/// etcd only when asked) when it does not come back. Our additions: the backups are copies made once (a re-run keeps
/// the pre-upgrade ones), the state file says how far it got, and a component whose new manifest is already in place
/// from an interrupted run is waited for rather than skipped.
/// </summary>
public sealed class StaticPodUpgrader
{
    public const string RollbackMessage = "couldn't upgrade control plane. kubeadm has tried to recover everything into the earlier state. Errors faced";

    private readonly UpgradeContext _context;
    private readonly UpgradeRunState _state;
    private readonly StaticPodWaiter _waiter;

    public StaticPodUpgrader(UpgradeContext context, UpgradeRunState state, StaticPodWaiter waiter)
    {
        _context = context;
        _state = state;
        _waiter = waiter;
    }

    public static string ManifestPath(string component) => ComponentNames.ManifestPath(KubeadmConstants.ManifestsDir, component);

    /// <summary>The target version's manifest for a component, rendered with init's builders and the --patches.</summary>
    public string Render(string component) =>
        StaticPodWriter.Render(_context.Node, component, StaticPodPhases.BuildPod(_context.Node, component));

    /// <summary>Upgrades one component; throws <see cref="KubeadmUserException"/> after rolling back when it does not come back.</summary>
    /// <param name="component">The component.</param>
    /// <param name="newManifest">Its manifest for the target version.</param>
    /// <param name="beforeHash">The mirror Pod hash before the change (null: read it now).</param>
    /// <param name="restoreEtcd">Whether a rollback puts etcd's manifest back too.</param>
    /// <param name="cancellationToken">Cancels the waits.</param>
    public async Task UpgradeAsync(string component, string newManifest, string? beforeHash, bool restoreEtcd, CancellationToken cancellationToken)
    {
        var fileSystem = _context.FileSystem;
        var output = _context.Out;
        var record = _state.Component(component);
        var path = ManifestPath(component);
        var backup = _state.Backups.ManifestBackupPath(component);
        output.WriteLine($"[upgrade/staticpods] Preparing for \"{component}\" upgrade");

        if (!fileSystem.FileExists(path))
        {
            if (!fileSystem.FileExists(backup))
            {
                throw new KubeadmUserException($"the static Pod manifest \"{path}\" of component {component} is missing and there is no backup of it in \"{_state.Backups.ManifestsBackupDir}\"");
            }

            // Half-written by someone: the manifest was moved away and never replaced. Put the backup back first.
            output.WriteLine($"[upgrade/staticpods] The manifest of {component} is missing; restoring it from \"{backup}\" before upgrading");
            if (!_context.DryRun)
            {
                UpgradeStateStore.Restore(fileSystem, new BackedUpFile(path, backup));
            }
        }

        var current = fileSystem.ReadAllText(path);
        if (record.FromVersion.Length == 0)
        {
            record.FromVersion = StaticPodManifestFacts.ImageVersion(current);
        }

        record.ToVersion = StaticPodManifestFacts.ImageVersion(newManifest);
        if (StaticPodManifestFacts.AreEqual(current, newManifest))
        {
            await AlreadyInPlaceAsync(component, record, restoreEtcd, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (_context.Options.CertificateRenewal)
        {
            ComponentCertificateRenewal.Renew(
                _context, _state, record, UpgradeComponents.CertificatesOf(component, _context.Config.Cluster.Etcd.Local is not null));
        }

        output.WriteLine($"[upgrade/staticpods] Moving new manifest to \"{path}\" and backing up old manifest to \"{backup}\"");
        if (_context.DryRun)
        {
            output.WriteLine($"[dryrun] Would write file \"{path}\" with content:");
            output.WriteLine(newManifest);
            record.Status = ComponentUpgradeStatus.Written;
            return;
        }

        beforeHash ??= await _waiter.CurrentHashAsync(component, cancellationToken).ConfigureAwait(false);
        UpgradeStateStore.BackUpOnce(fileSystem, path, backup);
        record.BackupPath = backup;
        record.AddFile(new BackedUpFile(path, backup));
        UpgradeStateStore.Save(_context, _state);

        fileSystem.WriteAllText(path, newManifest, FileModes.Private);
        record.Status = ComponentUpgradeStatus.Written;
        UpgradeStateStore.Save(_context, _state);

        output.WriteLine("[upgrade/staticpods] Waiting for the kubelet to restart the component");
        output.WriteLine($"[upgrade/staticpods] This can take up to {GoDurationText(_waiter.Timeout)}");
        var watch = Stopwatch.StartNew();
        try
        {
            await _waiter.WaitForHashChangeAsync(component, beforeHash, cancellationToken).ConfigureAwait(false);
            await _waiter.WaitForPodsRunningAsync(component, cancellationToken).ConfigureAwait(false);
        }
        catch (UpgradeWaitException e)
        {
            record.Wait = watch.Elapsed;
            throw RollBack(e, restoreEtcd);
        }

        record.Wait = watch.Elapsed;
        record.Status = ComponentUpgradeStatus.Upgraded;
        UpgradeStateStore.Save(_context, _state);
        output.WriteLine($"[upgrade/staticpods] Component \"{component}\" upgraded successfully!");
    }

    /// <summary>
    /// Puts back every file this upgrade replaced (etcd's only with <paramref name="restoreEtcd"/>), marks those components
    /// rolled back and returns kubeadm's error.
    /// </summary>
    public KubeadmUserException RollBack(Exception cause, bool restoreEtcd)
    {
        ArgumentNullException.ThrowIfNull(cause);
        var errors = new List<string> { cause.Message };
        foreach (var record in _state.Components.Where(c => c.Files.Count > 0 && (restoreEtcd || c.Name != ComponentNames.Etcd)))
        {
            foreach (var file in record.Files)
            {
                try
                {
                    UpgradeStateStore.Restore(_context.FileSystem, file);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    errors.Add($"restoring \"{file.Original}\" from \"{file.Backup}\": {e.Message}");
                }
            }

            if (record.Status is ComponentUpgradeStatus.Written or ComponentUpgradeStatus.Upgraded)
            {
                record.Status = ComponentUpgradeStatus.RolledBack;
                _context.Out.WriteLine($"[upgrade/staticpods] Restored the manifest and certificates of {record.Name} from \"{_state.Backups.ManifestsBackupDir}\"");
            }
        }

        UpgradeStateStore.Save(_context, _state);
        return new KubeadmUserException($"{RollbackMessage}: [{string.Join(", ", errors)}]", cause);
    }

    private async Task AlreadyInPlaceAsync(string component, ComponentUpgradeRecord record, bool restoreEtcd, CancellationToken cancellationToken)
    {
        if (record.Status != ComponentUpgradeStatus.Written || _context.DryRun)
        {
            _context.Out.WriteLine($"[upgrade/staticpods] Current and new manifests of {component} are equal, skipping upgrade");
            if (record.Status is not (ComponentUpgradeStatus.Upgraded or ComponentUpgradeStatus.Written))
            {
                record.Status = ComponentUpgradeStatus.Unchanged;
            }

            return;
        }

        // An earlier run wrote it and was stopped before the kubelet's restart was confirmed.
        _context.Out.WriteLine($"[upgrade/staticpods] The new manifest of {component} is in place from an interrupted run; waiting for its Pods to run");
        var watch = Stopwatch.StartNew();
        try
        {
            await _waiter.WaitForPodsRunningAsync(component, cancellationToken).ConfigureAwait(false);
        }
        catch (UpgradeWaitException e)
        {
            record.Wait = watch.Elapsed;
            throw RollBack(e, restoreEtcd);
        }

        record.Wait = watch.Elapsed;
        record.Status = ComponentUpgradeStatus.Upgraded;
        UpgradeStateStore.Save(_context, _state);
        _context.Out.WriteLine($"[upgrade/staticpods] Component \"{component}\" upgraded successfully!");
    }

    /// <summary>A duration as Go prints it ("5m0s", "2.5s").</summary>
    public static string GoDurationText(TimeSpan duration) => Kubeadm.Core.Configuration.Serialization.GoDuration.Format(duration);
}
