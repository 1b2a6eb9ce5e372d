namespace Kubeadm.Core.Configuration;

/// <summary>
/// kubeadm.k8s.io/v1beta4 UpgradeConfiguration: the settings of `kubeadm upgrade apply|node|plan|diff` a --config file
/// may give (a flag given on the command line wins over its field), and the shared timeouts.
/// </summary>
public sealed class UpgradeConfiguration
{
    public UpgradeApplyConfiguration Apply { get; init; } = new();

    public UpgradeNodeConfiguration Node { get; init; } = new();

    public UpgradePlanConfiguration Plan { get; init; } = new();

    public UpgradeDiffConfiguration Diff { get; init; } = new();

    /// <summary>timeouts (upgradeManifests is the one the static Pod waits use; the others as in InitConfiguration).</summary>
    public Timeouts Timeouts { get; init; } = new();
}

/// <summary>The fields the apply and node sections share (how this node itself is upgraded); null fields are unset.</summary>
public abstract class UpgradeNodeSettings
{
    public bool? CertificateRenewal { get; set; }

    public bool? DryRun { get; set; }

    public bool? EtcdUpgrade { get; set; }

    public List<string> IgnorePreflightErrors { get; set; } = [];

    public Patches? Patches { get; set; }

    public List<string>? SkipPhases { get; set; }

    public string ImagePullPolicy { get; set; } = "";

    public bool? ImagePullSerial { get; set; }
}

/// <summary>The apply section: the shared node fields and the target version's; null fields are unset.</summary>
public sealed class UpgradeApplyConfiguration : UpgradeNodeSettings
{
    public string? KubernetesVersion { get; set; }

    public bool? AllowExperimentalUpgrades { get; set; }

    public bool? AllowRcUpgrades { get; set; }

    public bool? ForceUpgrade { get; set; }

    public bool? PrintConfig { get; set; }
}

/// <summary>The node section: the shared node fields only.</summary>
public sealed class UpgradeNodeConfiguration : UpgradeNodeSettings;

/// <summary>The plan section; null fields are unset.</summary>
public sealed class UpgradePlanConfiguration
{
    public string? KubernetesVersion { get; set; }

    public bool? AllowExperimentalUpgrades { get; set; }

    public bool? AllowRcUpgrades { get; set; }

    public bool? DryRun { get; set; }

    public List<string> IgnorePreflightErrors { get; set; } = [];

    public bool? PrintConfig { get; set; }
}

/// <summary>The diff section; null fields are unset.</summary>
public sealed class UpgradeDiffConfiguration
{
    public string? KubernetesVersion { get; set; }

    public int? ContextLines { get; set; }

    public List<string> DiffFiles { get; set; } = [];
}
