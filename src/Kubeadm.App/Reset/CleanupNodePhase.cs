using Kubeadm.App.Kubelet;
using Kubeadm.Core.Constants;
using Kubeadm.Core.Errors;
using Kubeadm.Workflow;

namespace Kubeadm.App.Reset;

/// <summary>
/// The reset "cleanup-node" phase, in kubeadm's order: stops the kubelet, unmounts what is mounted under
/// /var/lib/kubelet, stops and removes the pod sandboxes through CRI, then empties the directories and deletes the
/// kubeconfig files kubeadm wrote. Failures to remove containers or delete files are warnings, as in kubeadm; an
/// unmount failure stops the phase before anything is deleted. --dry-run lists what would be unmounted and removed.
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
        Short = "Stop the kubelet, remove the containers and delete what kubeadm wrote on this node",
        Long = "Stops the kubelet, unmounts what is mounted under /var/lib/kubelet, removes the Pods' containers through the container runtime, then empties the kubeadm and kubelet directories and deletes the kubeconfig files kubeadm wrote.",
        InheritFlags = ["cert-dir", "cri-socket", "cleanup-tmp-dir", "dry-run"],
        Run = RunAsync,
    };

    private static async Task RunAsync(ResetContext context, CancellationToken cancellationToken)
    {
        List<string> directories = [KubeadmConstants.ManifestsDir];
        await StopKubeletAsync(context, cancellationToken).ConfigureAwait(false);
        if (UnmountKubeletDir(context))
        {
            directories.Add(KubeadmConstants.KubeletDir);
        }

        await KubeContainers.RemoveAsync(context, cancellationToken).ConfigureAwait(false);
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

    /// <summary>
    /// Unmounts everything mounted under the kubelet directory, in /proc/mounts order with the configured
    /// unmountFlags; false when there is no kubelet directory. Any failure fails the phase before anything is deleted
    /// (emptying the directory through a live mount would delete the volume's data).
    /// </summary>
    private static bool UnmountKubeletDir(ResetContext context)
    {
        var kubeletDir = KubeadmConstants.KubeletDir;
        if (!context.FileSystem.DirectoryExists(kubeletDir))
        {
            context.Warn($"[reset] Skipping unmount of directories in \"{kubeletDir}\": lstat {kubeletDir}: no such file or directory");
            return false;
        }

        IReadOnlyList<string> mounts;
        try
        {
            mounts = context.Mounts.MountPointsUnder(kubeletDir);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new KubeadmUserException($"failed to read the mount table {KubeletMounts.MountsFile}: {e.Message}", e);
        }

        if (context.DryRun)
        {
            context.Out.WriteLine($"[reset] Would unmount mounted directories in \"{kubeletDir}\"");
            foreach (var mount in mounts)
            {
                context.Out.WriteLine($"[reset] Would unmount \"{mount}\"");
            }

            return true;
        }

        context.Out.WriteLine($"[reset] Unmounting mounted directories in \"{kubeletDir}\"");
        var flags = KubeletMounts.Flags(context.UnmountFlags);
        var errors = new List<string>();
        foreach (var mount in mounts)
        {
            if (context.Verbosity >= 1)
            {
                context.Err.WriteLine($"[reset] Unmounting \"{mount}\"");
            }

            try
            {
                context.Mounts.Unmount(mount, flags);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                errors.Add($"failed to unmount \"{mount}\": {e.Message} (by hand: {KubeletMounts.UmountCommand(mount, context.UnmountFlags)})");
            }
        }

        return errors.Count == 0
            ? true
            : throw new KubeadmUserException(
                $"encountered the following errors while unmounting directories in \"{kubeletDir}/\": [{string.Join(", ", errors)}]");
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
