using Kubeadm.Core.Constants;
using Kubeadm.Workflow;

namespace Kubeadm.App.Reset;

/// <summary>
/// The reset "remove-etcd-member" phase. kubeadm removes this node's member through the etcd API; this build has no
/// etcd client, so for a stacked etcd it says so and prints the etcdctl commands. Then it empties the etcd data
/// directory, as kubeadm does.
/// </summary>
public static class RemoveEtcdMemberPhase
{
    public static Phase<ResetContext> Create() => new()
    {
        Name = "remove-etcd-member",
        Short = "Remove a local etcd member.",
        Long = "Remove a local etcd member for a control plane node.",
        InheritFlags = ["kubeconfig", "dry-run"],
        Run = (context, _) =>
        {
            Run(context);
            return Task.CompletedTask;
        },
    };

    private static void Run(ResetContext context)
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

        if (context.DryRun)
        {
            if (stacked)
            {
                context.Out.WriteLine("[reset] Would remove the etcd member on this node from the etcd cluster");
                context.Out.WriteLine($"[reset] Would delete contents of the etcd data directory: {dataDir}");
            }

            return;
        }

        if (stacked)
        {
            context.ReportUnfinished(
                "[reset] Failed to remove etcd member: this build has no etcd client to call the etcd API, please manually remove this etcd member using etcdctl");
            PrintEtcdctlHint(context, manifest?.MemberName);
        }

        if (DirectoryCleaner.IsExistingAndEmpty(context.FileSystem, dataDir))
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

    private static void PrintEtcdctlHint(ResetContext context, string? memberName)
    {
        var etcdPki = $"{context.CertificatesDir.TrimEnd('/')}/etcd";
        var etcdctl = $"etcdctl --endpoints https://127.0.0.1:{KubeadmConstants.EtcdClientPort} --cacert {etcdPki}/ca.crt "
            + $"--cert {etcdPki}/healthcheck-client.crt --key {etcdPki}/healthcheck-client.key";
        var member = memberName is null ? "this node's member" : $"the member named \"{memberName}\"";
        context.Out.WriteLine($"[reset] If other control-plane nodes remain, remove {member} from one of them:");
        context.Out.WriteLine($"\t{etcdctl} member list");
        context.Out.WriteLine($"\t{etcdctl} member remove <ID>");
    }
}
