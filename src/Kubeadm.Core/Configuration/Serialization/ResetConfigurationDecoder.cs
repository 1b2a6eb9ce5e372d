namespace Kubeadm.Core.Configuration.Serialization;

/// <summary>
/// Decodes a kubeadm.k8s.io/v1beta4 ResetConfiguration (the kind exists from v1beta4 on) with the same strict reader
/// as the other kinds: unknown, duplicate and mistyped fields are errors, each with its position.
/// </summary>
internal static class ResetConfigurationDecoder
{
    /// <summary>The unmount flags kubeadm accepts in <c>unmountFlags</c>.</summary>
    public static readonly IReadOnlyList<string> KnownUnmountFlags = ["MNT_FORCE", "MNT_DETACH", "MNT_EXPIRE", "UMOUNT_NOFOLLOW"];

    public static ResetConfiguration Decode(StrictMappingReader reader, YamlTreeNode document)
    {
        var diagnostics = reader.Values.Diagnostics;
        reader.Skip("apiVersion");
        reader.Skip("kind");
        var timeouts = new Timeouts();
        var config = new ResetConfiguration
        {
            CleanupTmpDir = reader.Bool("cleanupTmpDir"),
            CertificatesDir = reader.String("certificatesDir") ?? "",
            CriSocket = reader.String("criSocket") ?? "",
            DryRun = reader.Bool("dryRun"),
            Force = reader.Bool("force"),
            IgnorePreflightErrors = reader.StringList("ignorePreflightErrors") ?? [],
            SkipPhases = reader.StringList("skipPhases") ?? [],
            UnmountFlags = reader.List("unmountFlags", (node, path) => UnmountFlag(reader.Values, node, path)) ?? [],
        };

        // Only etcdAPICall changes what reset does; the others are accepted as kubeadm's shared Timeouts type has them.
        YamlTreeNode? etcdApiCallNode = null;
        reader.Section("timeouts", r =>
        {
            InitConfigurationDecoder.DecodeTimeouts(r, timeouts);
            etcdApiCallNode = r.ValueOf("etcdAPICall");
        });
        if (timeouts.EtcdApiCall is { } etcd && etcd <= TimeSpan.Zero)
        {
            var at = (etcdApiCallNode ?? document).Start;
            diagnostics.Error(at, "timeouts.etcdAPICall", $"Invalid value: \"{GoDuration.Format(etcd)}\": must be greater than zero");
        }

        return config with { EtcdApiCallTimeout = timeouts.EtcdApiCall };
    }

    private static string? UnmountFlag(YamlValueReader values, YamlTreeNode node, string path)
    {
        var flag = values.String(node, path);
        if (flag is not null && !KnownUnmountFlags.Contains(flag, StringComparer.Ordinal))
        {
            values.Diagnostics.Error(node.Start, path, $"Invalid value: \"{flag}\": unknown unmount flag; valid flags are {string.Join(", ", KnownUnmountFlags)}");
        }

        return flag;
    }
}
