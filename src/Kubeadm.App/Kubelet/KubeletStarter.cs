using System.Text.Json.Nodes;
using Kubeadm.App.Init;
using Kubeadm.Core.Configuration.Serialization;
using Kubeadm.Core.Configuration.Validation;
using Kubeadm.Core.Constants;
using Kubeadm.Core.Errors;
using Kubeadm.Core.Host;
using Kubeadm.Core.Kubelet;
using Kubeadm.Core.Patches;
using Kubeadm.Core.Security;

namespace Kubeadm.App.Kubelet;

/// <summary>
/// The work of kubelet-start, in kubeadm's order: stop the kubelet, write kubeadm-flags.env, instance-config.yaml
/// (NodeLocalCRISocket) and config.yaml (the KubeletConfiguration, then --patches, then the instance config as a
/// strategic merge patch), then restart the kubelet. kubeadm join (1.34) writes kubeadm-flags.env last instead and
/// says in --dry-run that it would stop and start the kubelet. In --dry-run the service is left alone.
/// </summary>
internal static class KubeletStarter
{
    private const string SystemdResolved = "systemd-resolved";

    public static Task RunAsync(InitContext context, CancellationToken cancellationToken) => RunAsync(context, joinOrder: false, cancellationToken);

    /// <param name="context">The node's context.</param>
    /// <param name="joinOrder">kubeadm join's order and dry-run lines rather than init's.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    public static async Task RunAsync(InitContext context, bool joinOrder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.DryRun)
        {
            await KubeletService.TryStopAsync(context, cancellationToken).ConfigureAwait(false);
        }
        else if (joinOrder)
        {
            context.Out.WriteLine("[kubelet-start] Would stop the kubelet");
        }

        if (!joinOrder)
        {
            WriteEnvFile(context);
        }

        var nodeLocalCriSocket = KubeadmFeatureGates.IsEnabled(context.Config.Cluster.FeatureGates, KubeadmFeatureGates.NodeLocalCriSocket);
        if (nodeLocalCriSocket)
        {
            WriteKubeletFile(context, KubeadmConstants.KubeletInstanceConfigFile,
                KubeletInstanceConfig.Content(context.Config.Init.NodeRegistration.CriSocket),
                "[kubelet-start] Writing kubelet configuration to file", "error writing instance kubelet configuration to disk");
        }
        else
        {
            context.Out.WriteLine("[kubelet-start] Skipping writing instance kubelet configuration file as the NodeLocalCRISocket feature gate is disabled");
        }

        await WriteConfigFileAsync(context, cancellationToken).ConfigureAwait(false);
        if (joinOrder)
        {
            WriteEnvFile(context);
        }

        if (!context.DryRun)
        {
            context.Out.WriteLine("[kubelet-start] Starting the kubelet");
            await KubeletService.TryStartAsync(context, cancellationToken).ConfigureAwait(false);
        }
        else if (joinOrder)
        {
            context.Out.WriteLine("[kubelet-start] Would start the kubelet");
        }
    }

    /// <summary>
    /// Writes /var/lib/kubelet/config.yaml only: the KubeletConfiguration, then --patches, then the instance config
    /// (NodeLocalCRISocket); what kubelet-start does for it, and what `upgrade apply|node` rewrite for the new version.
    /// </summary>
    public static async Task WriteConfigFileAsync(InitContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var nodeLocalCriSocket = KubeadmFeatureGates.IsEnabled(context.Config.Cluster.FeatureGates, KubeadmFeatureGates.NodeLocalCriSocket)
            && context.FileSystem.FileExists(KubeadmConstants.KubeletInstanceConfigFile);
        var systemdResolvedActive = await KubeletService.IsActiveAsync(context, SystemdResolved, cancellationToken).ConfigureAwait(false);
        var kubelet = KubeletConfigurationBuilder.Build(context.Config, systemdResolvedActive, message => context.Err.WriteLine($"WARNING: {message}"));
        kubelet = Patched(context, kubelet, nodeLocalCriSocket);
        // CIS 4.1.9 wants config.yaml no wider than 0600; kubeadm writes it 0644.
        var configMode = context.Config.SecurityProfile == SecurityProfile.Cis ? FileModes.Private : FileModes.Public;
        WriteKubeletFile(context, KubeadmConstants.KubeletConfigFile, JsonYamlWriter.Write(kubelet),
            "[kubelet-start] Writing kubelet configuration to file", "error writing kubelet configuration to disk", configMode);
    }

    private static void WriteEnvFile(InitContext context) =>
        WriteKubeletFile(context, KubeadmConstants.KubeletEnvFile, KubeletFlags.EnvFile(context.Config, context.Hostname, context.RegisterWithTaints),
            "[kubelet-start] Writing kubelet environment file with flags to file", "error writing a dynamic environment file for the kubelet");

    private static JsonObject Patched(InitContext context, JsonObject kubelet, bool nodeLocalCriSocket)
    {
        try
        {
            kubelet = context.Patches.Apply(PatchTargets.KubeletConfiguration, kubelet);
        }
        catch (PatchException e)
        {
            throw new KubeadmUserException(
                $"error writing kubelet configuration to disk: could not apply patches to the KubeletConfiguration: {e.Message}", e);
        }

        if (!nodeLocalCriSocket)
        {
            return kubelet;
        }

        // kubeadm reads the instance file back and applies each of its documents as a strategic merge patch.
        var file = KubeadmConstants.KubeletInstanceConfigFile;
        try
        {
            var instance = PatchSet.Parse(
                Path.GetFileName(file), PatchTargets.KubeletConfiguration, PatchType.Strategic, context.FileSystem.ReadAllText(file));
            return new PatchSetApplier([instance], context.Out).Apply(PatchTargets.KubeletConfiguration, kubelet);
        }
        catch (Exception e) when (e is PatchException or IOException)
        {
            throw new KubeadmUserException(
                $"error writing kubelet configuration to disk: could not apply kubelet instance configuration as a patch from \"{file}\": {e.Message}", e);
        }
    }

    private static void WriteKubeletFile(
        InitContext context, string path, string content, string announcement, string failure, UnixFileMode mode = FileModes.Public)
    {
        context.Out.WriteLine($"{announcement} \"{context.ShownPath(path)}\"");
        try
        {
            context.FileSystem.CreateDirectory(KubeadmConstants.KubeletDir, FileModes.PrivateDirectory);
            context.FileSystem.WriteAllText(path, content, mode);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new KubeadmUserException($"{failure}: failed to write kubelet configuration file \"{path}\": {e.Message}", e);
        }
    }
}
