using Kubeadm.Core.Constants;
using Kubeadm.Workflow;

namespace Kubeadm.App.Reset;

/// <summary>
/// The reset "remove-etcd-member" phase: removes this node's stacked etcd member from the cluster through the etcd
/// API (<see cref="StackedEtcdMemberRemoval"/>), then empties the etcd data directory, as kubeadm does. Unlike kubeadm
/// it refuses to delete the data, without --force, when the member could not be removed from a cluster that has (or
/// may have) other members.
/// </summary>
public static class RemoveEtcdMemberPhase
{
    public static Phase<ResetContext> Create() => new()
    {
        Name = "remove-etcd-member",
        Short = "Take this node's etcd member out of the etcd cluster and delete its data",
        Long = "On a control-plane node with stacked etcd: removes this node's member from the etcd cluster, then empties the etcd data directory. Unlike kubeadm, the data is kept (unless --force) when the member could not be removed from a cluster that has, or may have, other members.",
        InheritFlags = ["kubeconfig", "dry-run"],
        Run = (context, cancellationToken) => RunAsync(context, cancellationToken),
    };

    private static async Task RunAsync(ResetContext context, CancellationToken cancellationToken)
    {
        if (context.Verbosity >= 1)
        {
            context.Err.WriteLine("[reset] Checking for etcd config");
        }

        var manifest = EtcdManifest.Read(context.FileSystem);
        var (dataDir, stacked) = LocateDataDir(context, manifest);
        if (dataDir is null)
        {
            context.Out.WriteLine("[reset] No etcd config found. Assuming external etcd");
            context.Out.WriteLine("[reset] Please, manually reset etcd to prevent further issues");
            return;
        }

        if (stacked)
        {
            var removal = new StackedEtcdMemberRemoval(context, manifest, dataDir);
            if (context.DryRun)
            {
                await removal.PlanAsync(cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await removal.RunAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        var empty = DirectoryCleaner.IsExistingAndEmpty(context.FileSystem, dataDir);
        if (context.DryRun)
        {
            // kubeadm always names the directory for a stacked member; otherwise only what the real run would delete.
            if (stacked || !empty)
            {
                context.Out.WriteLine($"[reset] Would delete contents of the etcd data directory: {dataDir}");
            }

            return;
        }

        if (empty)
        {
            return;
        }

        try
        {
            DirectoryCleaner.CleanContents(context.FileSystem, dataDir);
            context.Out.WriteLine($"[reset] Deleted contents of the etcd data directory: {dataDir}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            context.ReportUnfinished($"[reset] Failed to delete contents of the etcd directory: \"{dataDir}\", error: {e.Message}");
        }
    }

    /// <summary>The data directory (null: assume external etcd) and whether this node runs a stacked etcd member.</summary>
    private static (string? DataDir, bool Stacked) LocateDataDir(ResetContext context, EtcdManifest? manifest)
    {
        if (context.ClusterConfiguration is { } cluster)
        {
            if (cluster.Etcd.External is not null)
            {
                return (null, false);
            }

            var fromCluster = cluster.Etcd.Local?.DataDir;
            return (string.IsNullOrEmpty(fromCluster) ? KubeadmConstants.DefaultEtcdDataDir : fromCluster, true);
        }

        context.Warn("[reset] No kubeadm config, using etcd pod spec to get data directory");

        // Without a manifest (e.g. cleanup-node already ran) kubeadm falls back to the default data directory.
        return manifest is null ? (KubeadmConstants.DefaultEtcdDataDir, false) : (manifest.DataDir, manifest.DataDir is not null);
    }
}
