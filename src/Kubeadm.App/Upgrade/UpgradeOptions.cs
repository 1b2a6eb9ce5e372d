namespace Kubeadm.App.Upgrade;

/// <summary>The command line of `kubeadm upgrade apply` and `kubeadm upgrade node` (node ignores the apply-only flags).</summary>
public sealed record UpgradeOptions
{
    /// <summary>The version argument of `upgrade apply` (null for `upgrade node`, which reads the cluster's).</summary>
    public string? TargetVersion { get; init; }

    public bool DryRun { get; init; }

    public bool EtcdUpgrade { get; init; } = true;

    public bool CertificateRenewal { get; init; } = true;

    /// <summary>-y/--yes: no confirmation prompt.</summary>
    public bool Yes { get; init; }

    /// <summary>-f/--force: skippable version-skew errors are warnings; implies --yes.</summary>
    public bool Force { get; init; }

    public bool AllowExperimentalUpgrades { get; init; }

    public bool AllowReleaseCandidateUpgrades { get; init; }

    public bool PrintConfig { get; init; }

    public string? PatchesDir { get; init; }

    public string? ConfigPath { get; init; }

    /// <summary>--kubeconfig (admin.conf by default; kubelet.conf is used by `upgrade node` on a worker).</summary>
    public string? KubeconfigPath { get; init; }

    public IReadOnlyList<string> IgnorePreflightErrors { get; init; } = [];

    public IReadOnlyList<string>? SkipPhases { get; init; }

    public string Rootfs { get; init; } = "/";

    public int Verbosity { get; init; }

    /// <summary>timeouts.upgradeManifests: how long each component may take to come back (kubeadm: 5m).</summary>
    public TimeSpan? UpgradeManifestsTimeout { get; init; }

    /// <summary>How often the waits ask the API server (kubeadm: 500ms).</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How long etcd may take to answer after its restart (kubeadm: 10 tries, 15s apart).</summary>
    public int EtcdRetries { get; init; } = 10;

    public TimeSpan EtcdRetryInterval { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>The flags given on the command line (without dashes): they win over the --config file's fields.</summary>
    public IReadOnlySet<string> ChangedFlags { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>The session asks before it changes anything (kubeadm: unless --yes, --force or --dry-run).</summary>
    public bool IsInteractive => !(Yes || Force || DryRun);
}
