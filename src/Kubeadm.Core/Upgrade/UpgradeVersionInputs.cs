namespace Kubeadm.Core.Upgrade;

/// <summary>What the version-skew policy judges: the target, the versions the cluster reports, and the user's allowances.</summary>
public sealed record UpgradeVersionInputs
{
    /// <summary>The version to upgrade to, resolved ("v1.34.2"; see <see cref="UpgradeTargetVersion"/>).</summary>
    public required string TargetVersion { get; init; }

    /// <summary>The API server's /version gitVersion ("v1.33.5"), or null when it could not be read.</summary>
    public required string? ClusterVersion { get; init; }

    /// <summary>Why the cluster version could not be read (used when <see cref="ClusterVersion"/> is null).</summary>
    public string? ClusterVersionError { get; init; }

    /// <summary>This kubeadm's version.</summary>
    public string KubeadmVersion { get; init; } = Constants.KubeadmVersion.Current;

    /// <summary>Kubelet version → names of the Nodes reporting it; null when the Nodes could not be listed.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>>? KubeletVersions { get; init; }

    /// <summary>Why the Nodes could not be listed (a skippable finding).</summary>
    public string? KubeletVersionsError { get; init; }

    /// <summary>--allow-experimental-upgrades: alpha, beta and RC targets are fine.</summary>
    public bool AllowExperimentalUpgrades { get; init; }

    /// <summary>--allow-release-candidate-upgrades: RC targets are fine.</summary>
    public bool AllowReleaseCandidateUpgrades { get; init; }
}
