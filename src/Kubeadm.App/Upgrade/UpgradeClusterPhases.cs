using k8s.Models;
using Kubeadm.App.Addons;
using Kubeadm.App.ClusterPhases;
using Kubeadm.App.Kubelet;
using Kubeadm.App.NodeSetup;
using Kubeadm.Core.ClusterApi;
using Kubeadm.Core.Constants;
using Kubeadm.Core.ControlPlane;
using Kubeadm.Core.Errors;
using Kubeadm.Core.Host;
using Kubeadm.Core.Upgrade.Apply;

namespace Kubeadm.App.Upgrade;

/// <summary>
/// The phases after the control plane: upload-config (kubeadm-config and kubelet-config, with init's own code),
/// kubelet-config (this node's config.yaml, backed up first), bootstrap-token (the node RBAC rules), addon (CoreDNS —
/// Corefile migration rules applied — and kube-proxy, only once every control-plane instance runs the new API server)
/// and post-upgrade.
/// </summary>
public static class UpgradeClusterPhases
{
    public static Task UploadKubeadmConfigAsync(UpgradeContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return UploadConfigPhase.RunKubeadmAsync(context.Node, cancellationToken);
    }

    public static Task UploadKubeletConfigAsync(UpgradeContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return UploadConfigPhase.RunKubeletAsync(context.Node, cancellationToken);
    }

    /// <summary>kubeadm's kubelet-config phase: back up /var/lib/kubelet/config.yaml, write the target's; the kubelet is not restarted.</summary>
    public static async Task KubeletConfigAsync(UpgradeContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var fileSystem = context.FileSystem;
        var path = KubeadmConstants.KubeletConfigFile;
        if (fileSystem.FileExists(path) && !context.DryRun)
        {
            var backupDir = UpgradeBackupLayout.KubeletConfigBackupDir(context.Clock.GetLocalNow());
            var backup = $"{backupDir}/config.yaml";
            context.Out.WriteLine($"[upgrade] Backing up kubelet config file to {backup}");
            fileSystem.CreateDirectory(backupDir, FileModes.PrivateDirectory);
            fileSystem.WriteFile(backup, fileSystem.ReadAllBytes(path), fileSystem.GetMode(path));
            var state = context.State ??= UpgradeStateStore.LoadOrStart(context);
            state.Component("kubelet-config").AddFile(new BackedUpFile(path, backup));
            UpgradeStateStore.Save(context, state);
        }

        await KubeletStarter.WriteConfigFileAsync(context.Node, cancellationToken).ConfigureAwait(false);
        context.Out.WriteLine(context.DryRun
            ? "[dryrun] The kubelet configuration for this node would have been upgraded"
            : "[upgrade/kubelet-config] The kubelet configuration for this node was successfully upgraded!");
    }

    public static async Task BootstrapTokenAsync(UpgradeContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Out.WriteLine("[upgrade/bootstrap-token] Configuring bootstrap token and cluster-info RBAC rules");
        await BootstrapTokenPhase.NodeRbacSteps(context.Node.ApiWrites(), context.Api).RunAsync(cancellationToken).ConfigureAwait(false);
    }

    public static async Task CoreDnsAsync(UpgradeContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        const string skip = "[upgrade/addon] Skipping the addon/coredns phase.";
        if (!await ShouldUpgradeAddonAsync(context, skip, context.Config.Cluster.Dns.Disabled, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        await CoreDnsUpgrade.MigrateCorefileAsync(context, cancellationToken).ConfigureAwait(false);
        await CoreDnsAddonInstaller.RunAsync(context.Node, cancellationToken).ConfigureAwait(false);
    }

    public static async Task KubeProxyAsync(UpgradeContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        const string skip = "[upgrade/addon] Skipping the addon/kube-proxy phase.";
        if (!await ShouldUpgradeAddonAsync(context, skip, context.Config.Cluster.Proxy.Disabled, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        await KubeProxyAddonInstaller.RunAsync(context.Node, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>kubeadm 1.34's post-upgrade phase holds no release-specific task; ours marks the run state complete.</summary>
    public static Task PostUpgradeAsync(UpgradeContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.State is { } state)
        {
            state.Completed = true;
            UpgradeStateStore.Save(context, state);
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// kubeadm's UnupgradedControlPlaneInstances: the nodes whose kube-apiserver Pod runs another image than this node's.
    /// </summary>
    public static async Task<IReadOnlyList<string>> UnupgradedControlPlaneInstancesAsync(IClusterApi api, string nodeName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(api);
        var pods = (await api.ListAsync<V1Pod>("kube-system", null, cancellationToken).ConfigureAwait(false))
            .Where(p => p.Metadata?.Labels?.TryGetValue("component", out var c) is true && c == ComponentNames.ApiServer)
            .ToList();
        if (pods.Count == 0)
        {
            throw new KubeadmUserException("cannot find any kube-apiserver Pods in the cluster");
        }

        var images = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pod in pods)
        {
            var container = pod.Spec?.Containers?.FirstOrDefault(c => c.Name == ComponentNames.ApiServer)
                ?? throw new KubeadmUserException($"cannot find container {ComponentNames.ApiServer} in Pod {pod.Metadata.Name}");
            images[pod.Spec!.NodeName ?? ""] = container.Image;
        }

        if (!images.TryGetValue(nodeName, out var upgraded))
        {
            throw new KubeadmUserException($"cannot find kube-apiserver image for current control plane instance {nodeName}");
        }

        return [.. images.Where(entry => entry.Value != upgraded).Select(entry => entry.Key).Order(StringComparer.Ordinal)];
    }

    private static async Task<bool> ShouldUpgradeAddonAsync(UpgradeContext context, string skipPrefix, bool disabled, CancellationToken cancellationToken)
    {
        if (!context.IsControlPlaneNode)
        {
            context.Out.WriteLine($"{skipPrefix} Not a control plane node.");
            return false;
        }

        if (disabled)
        {
            context.Out.WriteLine($"{skipPrefix} The addon is disabled.");
            return false;
        }

        IReadOnlyList<string> behind;
        try
        {
            behind = await UnupgradedControlPlaneInstancesAsync(context.Api, context.NodeName, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is KubeadmUserException or ClusterApiException)
        {
            throw new KubeadmUserException($"failed to determine whether all the control plane instances have been upgraded: {e.Message}", e);
        }

        if (behind.Count > 0)
        {
            context.Out.WriteLine($"[upgrade/addon] Skipping upgrade of addons because control plane instances [{string.Join(' ', behind)}] have not been upgraded");
            return false;
        }

        return true;
    }
}
