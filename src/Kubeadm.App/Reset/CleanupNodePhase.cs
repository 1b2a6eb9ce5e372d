using Kubeadm.App.Kubelet;
using Kubeadm.Core.Constants;
using Kubeadm.Core.Errors;
using Kubeadm.Workflow;

namespace Kubeadm.App.Reset;

/// <summary>
/// The reset "cleanup-node" phase: stops the kubelet, checks that nothing is mounted under /var/lib/kubelet (this build
/// cannot unmount), says how to remove the containers (it has no CRI client), then empties the directories and
/// deletes the kubeconfig files kubeadm wrote. Failures to delete are warnings, as in kubeadm.
/// </summary>
public static class CleanupNodePhase
{
    /// <summary>The kubeconfig files kubeadm deletes, in kubeadm's order.</summary>
    public static readonly IReadOnlyList<string> KubeconfigFiles =
    [
        $"{KubeadmConstants.KubernetesDir}/admin.conf",
        $"{KubeadmConstants.KubernetesDir}/super-admin.conf",
        $"{KubeadmConstants.KubernetesDir}/kubelet.conf",
        $"{KubeadmConstants.KubernetesDir}/bootstrap-kubelet.conf",
        $"{KubeadmConstants.KubernetesDir}/controller-manager.conf",
        $"{KubeadmConstants.KubernetesDir}/scheduler.conf",
    ];

    public static Phase<ResetContext> Create() => new()
    {
        Name = "cleanup-node",
        Aliases = ["cleanupnode"],
        Short = "Run cleanup node.",
        InheritFlags = ["cert-dir", "cri-socket", "cleanup-tmp-dir", "dry-run"],
        Run = RunAsync,
    };

    private static async Task RunAsync(ResetContext context, CancellationToken cancellationToken)
    {
        List<string> directories = [KubeadmConstants.ManifestsDir];
        await StopKubeletAsync(context, cancellationToken).ConfigureAwait(false);
        if (context.DryRun)
        {
            context.Out.WriteLine($"[reset] Would unmount mounted directories in \"{KubeadmConstants.KubeletDir}\"");
            context.Out.WriteLine("[reset] Would remove Kubernetes-managed containers");
        }
        else
        {
            if (CheckNothingMountedInKubeletDir(context))
            {
                directories.Add(KubeadmConstants.KubeletDir);
            }

            ReportContainersLeft(context);
        }

        if (context.CertificatesDir != KubeadmConstants.DefaultCertificatesDir)
        {
            context.Warn($"[reset] WARNING: Cleaning a non-default certificates directory: \"{context.CertificatesDir}\"");
        }

        directories.Add(context.CertificatesDir);
        if (context.CleanupTmpDir)
        {
            directories.Add(KubeadmConstants.TempDir);
        }

        CleanDirectories(context, directories);
        DeleteKubeconfigFiles(context);
    }

    private static async Task StopKubeletAsync(ResetContext context, CancellationToken cancellationToken)
    {
        if (!context.ServiceManager.IsAvailable)
        {
            context.ReportUnfinished("[reset] The kubelet service could not be stopped by kubeadm. Unable to detect a supported init system!");
            context.Warn("[reset] Please ensure kubelet is stopped manually");
            return;
        }

        if (context.DryRun)
        {
            context.Out.WriteLine("[reset] Would stop the kubelet service");
            return;
        }

        context.Out.WriteLine("[reset] Stopping the kubelet service");
        try
        {
            await context.ServiceManager.StopAsync(KubeletService.Unit, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            context.ReportUnfinished($"[reset] The kubelet service could not be stopped by kubeadm: [{e.Message}]");
            context.Warn("[reset] Please ensure kubelet is stopped manually");
        }
    }

    /// <summary>False when there is no kubelet directory to clean; throws when mounts remain (kubeadm fails there too).</summary>
    private static bool CheckNothingMountedInKubeletDir(ResetContext context)
    {
        var kubeletDir = KubeadmConstants.KubeletDir;
        if (!context.FileSystem.DirectoryExists(kubeletDir))
        {
            context.Warn($"[reset] Skipping unmount of directories in \"{kubeletDir}\": lstat {kubeletDir}: no such file or directory");
            return false;
        }

        context.Out.WriteLine($"[reset] Unmounting mounted directories in \"{kubeletDir}\"");
        var mounts = KubeletMounts.Under(context.FileSystem, kubeletDir);
        if (mounts.Count == 0)
        {
            return true;
        }

        // Emptying the directory through live mounts would delete the data of the volumes behind them.
        var commands = string.Join("", mounts.Select(mount => "\n\t" + KubeletMounts.UmountCommand(mount, context.UnmountFlags)));
        throw new KubeadmUserException(
            $"failed to unmount directories in \"{kubeletDir}\": this build does not unmount file systems itself; "
            + $"unmount these, then run 'kubeadm reset' again:{commands}");
    }

    private static void ReportContainersLeft(ResetContext context)
    {
        if (context.Verbosity >= 1)
        {
            context.Err.WriteLine("[reset] Removing Kubernetes-managed containers");
        }

        context.ReportUnfinished(
            "[reset] Failed to remove containers: this build has no CRI client; remove them with "
            + $"'crictl --runtime-endpoint {context.CriSocket} rmp --all --force'");
    }

    private static void CleanDirectories(ResetContext context, IReadOnlyList<string> directories)
    {
        if (context.DryRun)
        {
            context.Out.WriteLine($"[reset] Would delete contents of directories: {GoList(directories)}");
            return;
        }

        context.Out.WriteLine($"[reset] Deleting contents of directories: {GoList(directories)}");
        foreach (var directory in directories)
        {
            try
            {
                DirectoryCleaner.CleanContents(context.FileSystem, directory);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                context.ReportUnfinished($"[reset] Failed to delete contents of \"{directory}\" directory: {e.Message}");
            }
        }
    }

    private static void DeleteKubeconfigFiles(ResetContext context)
    {
        if (context.DryRun)
        {
            context.Out.WriteLine($"[reset] Would delete files: {GoList(KubeconfigFiles)}");
            return;
        }

        context.Out.WriteLine($"[reset] Deleting files: {GoList(KubeconfigFiles)}");
        foreach (var file in KubeconfigFiles)
        {
            try
            {
                if (context.FileSystem.DirectoryExists(file))
                {
                    context.FileSystem.DeleteDirectory(file, recursive: true);
                }
                else
                {
                    context.FileSystem.DeleteFile(file);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                context.ReportUnfinished($"[reset] Failed to remove file: \"{file}\" [{e.Message}]");
            }
        }
    }

    /// <summary>A list as Go's %v prints a string slice: [a b c].</summary>
    private static string GoList(IEnumerable<string> items) => $"[{string.Join(' ', items)}]";
}
