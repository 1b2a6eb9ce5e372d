namespace Kubeadm.Core.Upgrade.Apply;

/// <summary>The outcome of checking a Corefile before moving CoreDNS from one version to another.</summary>
/// <param name="MigrationRequired">A plugin or option the target removes, or whose default changed, is in use.</param>
/// <param name="Corefile">The Corefile to store for the target (unchanged when no rule applies).</param>
/// <param name="UnsupportedPlugins">Plugins in the Corefile the target CoreDNS does not know.</param>
public sealed record CorefileMigrationResult(bool MigrationRequired, string Corefile, IReadOnlyList<string> UnsupportedPlugins);

/// <summary>
/// The Corefile migration kubeadm performs on upgrade (kubeadm uses CoreDNS' corefile-migration library; this is our own
/// code with the rules for the versions kubeadm 1.31–1.34 move between: CoreDNS 1.11.1, 1.11.3, 1.12.0 and 1.12.1).
/// None of those steps removes a plugin or option or changes a default, so a Corefile passes through unchanged and
/// kubeadm's migration path (the Corefile-backup key) is not taken. A version outside that chain cannot be migrated:
/// kubeadm's CoreDNSMigration preflight check fails; plugins the target does not know fail CoreDNSUnsupportedPlugins.
/// </summary>
public static class CorefileMigration
{
    /// <summary>The CoreDNS versions the migration knows, oldest first.</summary>
    public static IReadOnlyList<string> KnownVersions { get; } = ["1.11.1", "1.11.3", "1.12.0", "1.12.1"];

    /// <summary>The plugins CoreDNS 1.11/1.12 are built with (plugin.cfg).</summary>
    private static readonly HashSet<string> KnownPlugins = new(StringComparer.Ordinal)
    {
        "root", "metadata", "geoip", "cancel", "tls", "timeouts", "multisocket", "reload", "nsid", "bufsize", "bind", "debug",
        "trace", "ready", "health", "pprof", "prometheus", "errors", "log", "dnstap", "local", "dns64", "acl", "any", "chaos",
        "loadbalance", "tsig", "cache", "rewrite", "header", "dnssec", "autopath", "minimal", "template", "transfer", "hosts",
        "route53", "azure", "clouddns", "k8s_external", "kubernetes", "file", "auto", "secondary", "etcd", "loop", "forward",
        "grpc", "erratic", "whoami", "on", "sign", "view", "nomad",
    };

    /// <summary>Whether the migration can go from <paramref name="from"/> to <paramref name="to"/> (both known, not backwards).</summary>
    public static bool CanMigrate(string from, string to)
    {
        var start = IndexOf(from);
        var end = IndexOf(to);
        return start >= 0 && end >= 0 && start <= end;
    }

    /// <summary>kubeadm's CoreDNSMigration error wording for a version the migration does not know.</summary>
    public static string CannotMigrateMessage(string from, string to) =>
        $"CoreDNS will not be upgraded: start version '{Normalize(from)}' not supported by the migration tool (to '{Normalize(to)}'; known: {string.Join(", ", KnownVersions)})";

    public static CorefileMigrationResult Migrate(string from, string to, string corefile)
    {
        ArgumentNullException.ThrowIfNull(corefile);
        if (!CanMigrate(from, to))
        {
            throw new ArgumentException(CannotMigrateMessage(from, to), nameof(from));
        }

        // No step between the known versions removes or re-defaults anything: nothing to rewrite.
        return new CorefileMigrationResult(false, corefile, UnsupportedPlugins(corefile));
    }

    /// <summary>The plugin names used in the Corefile's server blocks that CoreDNS does not know, in order of first use.</summary>
    public static IReadOnlyList<string> UnsupportedPlugins(string corefile)
    {
        ArgumentNullException.ThrowIfNull(corefile);
        var unknown = new List<string>();
        foreach (var plugin in PluginNames(corefile))
        {
            if (!KnownPlugins.Contains(plugin) && !unknown.Contains(plugin))
            {
                unknown.Add(plugin);
            }
        }

        return unknown;
    }

    /// <summary>The first word of every line directly inside a server block.</summary>
    public static IEnumerable<string> PluginNames(string corefile)
    {
        ArgumentNullException.ThrowIfNull(corefile);
        var depth = 0;
        foreach (var raw in corefile.Split('\n'))
        {
            var hash = raw.IndexOf('#', StringComparison.Ordinal);
            var line = (hash >= 0 ? raw[..hash] : raw).Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (depth == 1 && line != "}")
            {
                var word = line.Split([' ', '\t', '{'], 2, StringSplitOptions.RemoveEmptyEntries) is [var first, ..] ? first : "";
                if (word.Length > 0)
                {
                    yield return word;
                }
            }

            depth += line.Count(c => c == '{') - line.Count(c => c == '}');
            depth = Math.Max(depth, 0);
        }
    }

    private static int IndexOf(string version) => KnownVersions.ToList().IndexOf(Normalize(version));

    private static string Normalize(string version) => version.TrimStart('v');
}
