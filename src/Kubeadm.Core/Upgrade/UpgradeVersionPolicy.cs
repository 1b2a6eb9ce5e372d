using Kubeadm.Core.Configuration.Validation;
using Kubeadm.Core.Constants;

namespace Kubeadm.Core.Upgrade;

/// <summary>
/// The version-skew rules kubeadm enforces before an upgrade (EnforceVersionPolicies): no jump of more than one minor
/// up or down, not past this kubeadm's minor, not below the oldest control plane this kubeadm deploys, unstable
/// versions only when allowed, and no kubelet left more minors behind than the skew policy permits.
/// </summary>
public static class UpgradeVersionPolicy
{
    /// <summary>How many minors the control plane may move up in one upgrade.</summary>
    public const int MaximumMinorUpgradeSkew = 1;

    /// <summary>How many minors the control plane may move down in one downgrade.</summary>
    public const int MaximumMinorDowngradeSkew = 1;

    /// <summary>How many minors a kubelet may trail the control plane (the Kubernetes n-3 kubelet skew).</summary>
    public const int MaximumMinorKubeletSkew = 3;

    private static readonly SemanticVersion MinimumControlPlane = new(KubeadmVersion.Major, KubeadmVersion.MinimumControlPlaneMinor, 0, "", "");

    /// <summary>The oldest control plane this kubeadm deploys ("v1.33.0").</summary>
    public static string MinimumControlPlaneVersion => $"v{KubeadmVersion.Major}.{KubeadmVersion.MinimumControlPlaneMinor}.0";

    public static VersionSkewFindings Check(UpgradeVersionInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var mandatory = new List<string>();
        var skippable = new List<string>();
        var targetText = inputs.TargetVersion;
        if (!SemanticVersion.TryParse(targetText, out var target))
        {
            mandatory.Add($"Unable to parse the version to upgrade to {GoFormat.Quote(targetText)} as a semantic version");
            return new VersionSkewFindings(mandatory, skippable);
        }

        if (inputs.ClusterVersion is not { } clusterText)
        {
            // kubeadm cannot judge anything without the cluster's version; this cannot be forced.
            mandatory.Add("Unable to fetch cluster version: " + (inputs.ClusterVersionError ?? "the API server did not report its version"));
            return new VersionSkewFindings(mandatory, skippable);
        }

        if (!SemanticVersion.TryParse(clusterText, out var cluster))
        {
            mandatory.Add($"Unable to fetch cluster version: Couldn't parse cluster version: could not parse {GoFormat.Quote(clusterText)} as version");
            return new VersionSkewFindings(mandatory, skippable);
        }

        if (!SemanticVersion.TryParse(inputs.KubeadmVersion, out var kubeadm))
        {
            mandatory.Add($"Unable to fetch kubeadm version: Couldn't parse kubeadm version: could not parse {GoFormat.Quote(inputs.KubeadmVersion)} as version");
            return new VersionSkewFindings(mandatory, skippable);
        }

        if (inputs.KubeletVersions is null)
        {
            skippable.Add("Unable to fetch kubelet version: " + (inputs.KubeletVersionsError ?? "couldn't list all nodes in cluster"));
        }

        var unstable = target.PreRelease.Length > 0;
        if (target < MinimumControlPlane)
        {
            mandatory.Add(
                $"Specified version to upgrade to {GoFormat.Quote(targetText)} is equal to or lower than the minimum supported version "
                + $"{GoFormat.Quote(MinimumControlPlaneVersion)}. Please specify a higher version to upgrade to");
        }

        if (target.Minor > cluster.Minor + MaximumMinorUpgradeSkew)
        {
            // A released version may not skip a minor; a CI/pre-release one may, with --force.
            (unstable ? skippable : mandatory).Add(
                $"Specified version to upgrade to {GoFormat.Quote(targetText)} is too high; kubeadm can upgrade only {MaximumMinorUpgradeSkew} minor version at a time");
        }

        if (target.Minor < cluster.Minor - MaximumMinorDowngradeSkew)
        {
            (unstable ? skippable : mandatory).Add(
                $"Specified version to downgrade to {GoFormat.Quote(targetText)} is too low; kubeadm can downgrade only {MaximumMinorDowngradeSkew} minor version at a time");
        }

        if (kubeadm < target)
        {
            if (target.Minor > kubeadm.Minor)
            {
                (unstable ? skippable : mandatory).Add(
                    $"Specified version to upgrade to {GoFormat.Quote(targetText)} is at least one minor release higher than the kubeadm minor release "
                    + $"({target.Minor} > {kubeadm.Minor}). Such an upgrade is not supported");
            }
            else
            {
                skippable.Add(
                    $"Specified version to upgrade to {GoFormat.Quote(targetText)} is higher than the kubeadm version {GoFormat.Quote(inputs.KubeadmVersion)}. "
                    + "Upgrade kubeadm first using the tool you used to install kubeadm");
            }
        }

        if (kubeadm.Major > target.Major || kubeadm.Minor > target.Minor)
        {
            skippable.Add($"Kubeadm version {inputs.KubeadmVersion} can only be used to upgrade to Kubernetes version {kubeadm.Major}.{kubeadm.Minor}");
        }

        if (UnstableNotAllowed(target, inputs))
        {
            skippable.Add(
                $"Specified version to upgrade to {GoFormat.Quote(targetText)} is an unstable version and such upgrades weren't allowed via setting the --allow-*-upgrades flags");
        }

        if (inputs.KubeletVersions is { } kubelets && TooOldKubelets(target, kubelets) is { } kubeletFinding)
        {
            skippable.Add(kubeletFinding);
        }

        return new VersionSkewFindings(mandatory, skippable);
    }

    /// <summary>True for an alpha/beta/RC target the flags do not allow (RCs need either flag, the rest the experimental one).</summary>
    public static bool UnstableNotAllowed(SemanticVersion target, UpgradeVersionInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(inputs);
        if (target.PreRelease.Length == 0 || inputs.AllowExperimentalUpgrades)
        {
            return false;
        }

        return !(target.PreRelease.StartsWith("rc", StringComparison.Ordinal) && inputs.AllowReleaseCandidateUpgrades);
    }

    private static string? TooOldKubelets(SemanticVersion target, IReadOnlyDictionary<string, IReadOnlyList<string>> kubelets)
    {
        var tooOld = new List<string>();
        foreach (var versionText in kubelets.Keys.Order(StringComparer.Ordinal))
        {
            if (!SemanticVersion.TryParse(versionText, out var kubelet))
            {
                return $"couldn't parse kubelet version {versionText}";
            }

            if (target.Minor > kubelet.Minor + MaximumMinorKubeletSkew)
            {
                tooOld.Add(versionText);
            }
        }

        return tooOld.Count == 0
            ? null
            : $"There are kubelets in this cluster that are too old that have these versions [{string.Join(' ', tooOld)}]";
    }
}
