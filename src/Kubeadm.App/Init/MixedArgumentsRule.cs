using Kubeadm.Core.Errors;

namespace Kubeadm.App.Init;

/// <summary>
/// kubeadm's rule for --config: the config file is the whole truth, so only flags that are not part of the
/// configuration (or that kubeadm lets override it) may be given beside it.
/// </summary>
public static class MixedArgumentsRule
{
    private static readonly HashSet<string> AllowedWithConfig = new(StringComparer.Ordinal)
    {
        "config", "ignore-preflight-errors", "dry-run", "kubeconfig", "node-name", "kubeconfig-dir",
        "upload-certs", "print-join-command", "rootfs", "v", "log-file", "output", "security-profile", "plan",
    };

    /// <summary>Throws a user error naming every flag that cannot be combined with --config.</summary>
    public static void Check(IReadOnlyList<string> changedFlags)
    {
        ArgumentNullException.ThrowIfNull(changedFlags);
        if (!changedFlags.Contains("config", StringComparer.Ordinal))
        {
            return;
        }

        var mixed = changedFlags
            .Where(name => !AllowedWithConfig.Contains(name) && !name.StartsWith("skip-", StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        if (mixed.Count > 0)
        {
            throw new KubeadmUserException(
                $"can not mix '--config' with arguments [{string.Join(' ', mixed)}]; " +
                "put these settings in the config file instead, or drop --config");
        }
    }
}
