using Kubeadm.App.NodeSetup;
using Kubeadm.Core.Configuration.Validation;
using Kubeadm.Core.Constants;
using Kubeadm.Core.Errors;
using Kubeadm.Core.Host;
using Kubeadm.Core.KubeConfig;
using Kubeadm.Core.Upgrade.Apply;

namespace Kubeadm.App.Upgrade;

/// <summary>
/// The hidden `kubeconfig` phase of `upgrade apply` (after upload-config) and `upgrade node` (after control-plane), as
/// in kubeadm 1.34: with the cluster's ControlPlaneKubeletLocalMode gate on (1.34's default), kubelet.conf on a control
/// plane that still names the control-plane endpoint is pointed at this node's own API server, then the kubelet is
/// restarted. Beyond kubeadm, the old kubelet.conf is kept in the run's backup directory and listed in rollback.sh,
/// as the kubelet-config phase does for config.yaml. --dry-run says what would change and writes nothing.
/// </summary>
public static class UpgradeKubeconfigPhase
{
    public const string ComponentName = "kubeconfig";

    public static Task RunApplyAsync(UpgradeContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return RunAsync(context, cancellationToken);
    }

    public static Task RunNodeAsync(UpgradeContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.IsControlPlaneNode)
        {
            context.Out.WriteLine("[upgrade/kubeconfig] Skipping phase. Not a control plane node.");
            return Task.CompletedTask;
        }

        return RunAsync(context, cancellationToken);
    }

    private static async Task RunAsync(UpgradeContext context, CancellationToken cancellationToken)
    {
        if (KubeadmFeatureGates.IsEnabled(context.Config.Cluster.FeatureGates, KubeadmFeatureGates.ControlPlaneKubeletLocalMode))
        {
            try
            {
                await UpdateKubeletServerAsync(context, cancellationToken).ConfigureAwait(false);
            }
            catch (KubeadmUserException e)
            {
                throw new KubeadmUserException($"failed to update kubelet local mode: {e.Message}", e);
            }
        }

        context.Out.WriteLine("[upgrade/kubeconfig] The kubeconfig files for this node were successfully upgraded!");
    }

    private static async Task UpdateKubeletServerAsync(UpgradeContext context, CancellationToken cancellationToken)
    {
        const string path = KubeadmConstants.KubeletKubeConfigFile;
        var fileSystem = context.FileSystem;
        if (!fileSystem.FileExists(path))
        {
            Log(context, $"Could not mutate the Server URL in {path}: the file does not exist");
            return;
        }

        var kubeletConf = KubeconfigYamlReader.Read(fileSystem.ReadAllText(path), path);
        var endpoint = context.Config.Init.LocalApiEndpoint;
        var local = ApiServerUrl.Local(endpoint.AdvertiseAddress, endpoint.BindPort);
        var controlPlane = ApiServerUrl.ControlPlane(context.Config.Cluster.ControlPlaneEndpoint, endpoint.AdvertiseAddress, endpoint.BindPort);
        if (KubeletLocalModeRewrite.Decide(kubeletConf, path, controlPlane, local) is not { } change)
        {
            Log(context, $"Skipping update of the Server URL in {path}, because it's already not equal to \"{controlPlane}\" or already matches the localAPIEndpoint");
            return;
        }

        if (context.DryRun)
        {
            context.Out.WriteLine($"[dryrun] Would change the Server URL from \"{change.From}\" to \"{change.To}\" in {path} and try to restart kubelet");
            return;
        }

        var state = context.State ??= UpgradeStateStore.LoadOrStart(context);
        var backup = new BackedUpFile(path, state.Backups.KubeconfigBackupPath("kubelet.conf"));
        UpgradeStateStore.BackUpOnce(fileSystem, backup.Original, backup.Backup);
        var record = state.Component(ComponentName);
        record.AddFile(backup);
        UpgradeStateStore.Save(context, state);

        Log(context, $"Changing the Server URL from \"{change.From}\" to \"{change.To}\" in {path}");
        KubeletLocalModeRewrite.Apply(kubeletConf, path, change);
        fileSystem.WriteAllText(path, KubeconfigYamlWriter.Write(kubeletConf), FileModes.Private);
        record.Status = ComponentUpgradeStatus.Upgraded;
        UpgradeStateStore.Save(context, state);
        await KubeletRestart.TryAsync(context.Node, cancellationToken).ConfigureAwait(false);
    }

    private static void Log(UpgradeContext context, string line)
    {
        if (context.Options.Verbosity >= 1)
        {
            context.Err.WriteLine(line);
        }
    }
}
