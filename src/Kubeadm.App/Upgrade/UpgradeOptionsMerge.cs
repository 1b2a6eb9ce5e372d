using Kubeadm.Core.Configuration;

namespace Kubeadm.App.Upgrade;

/// <summary>
/// kubeadm's ValueFromFlagsOrConfig for `upgrade apply|node`: a flag given on the command line wins; otherwise the
/// UpgradeConfiguration's field, when set; otherwise the flag's default. --ignore-preflight-errors is the union of both.
/// </summary>
public static class UpgradeOptionsMerge
{
    public static UpgradeOptions WithConfiguration(UpgradeOptions options, UpgradeConfiguration config, bool isApply)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(config);
        var changed = options.ChangedFlags;
        bool Pick(string flag, bool fromFlag, bool? fromConfig) => changed.Contains(flag) || fromConfig is null ? fromFlag : fromConfig.Value;
        UpgradeNodeSettings section = isApply ? config.Apply : config.Node;
        var merged = options with
        {
            UpgradeManifestsTimeout = options.UpgradeManifestsTimeout ?? config.Timeouts.UpgradeManifests,
            DryRun = Pick("dry-run", options.DryRun, section.DryRun),
            EtcdUpgrade = Pick("etcd-upgrade", options.EtcdUpgrade, section.EtcdUpgrade),
            CertificateRenewal = Pick("certificate-renewal", options.CertificateRenewal, section.CertificateRenewal),
            PatchesDir = changed.Contains("patches") ? options.PatchesDir : section.Patches?.Directory ?? options.PatchesDir,
            IgnorePreflightErrors = [.. options.IgnorePreflightErrors, .. section.IgnorePreflightErrors],
            SkipPhases = options.SkipPhases ?? section.SkipPhases,
        };
        if (!isApply)
        {
            return merged;
        }

        var apply = config.Apply;
        return merged with
        {
            TargetVersion = options.TargetVersion is { Length: > 0 } ? options.TargetVersion : apply.KubernetesVersion,
            Force = Pick("force", options.Force, apply.ForceUpgrade),
            AllowExperimentalUpgrades = Pick("allow-experimental-upgrades", options.AllowExperimentalUpgrades, apply.AllowExperimentalUpgrades),
            AllowReleaseCandidateUpgrades = Pick("allow-release-candidate-upgrades", options.AllowReleaseCandidateUpgrades, apply.AllowRcUpgrades),
            PrintConfig = Pick("print-config", options.PrintConfig, apply.PrintConfig),
        };
    }

    /// <summary>`upgrade plan`: the version argument, else plan.kubernetesVersion; flags given win over the plan section.</summary>
    public static UpgradePlanOptions ForPlan(UpgradePlanOptions options, UpgradePlanConfiguration config, IReadOnlySet<string> changedFlags)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(changedFlags);
        bool Pick(string flag, bool fromFlag, bool? fromConfig) => changedFlags.Contains(flag) || fromConfig is null ? fromFlag : fromConfig.Value;
        return options with
        {
            TargetVersion = options.TargetVersion is { Length: > 0 } ? options.TargetVersion : config.KubernetesVersion,
            AllowExperimentalUpgrades = Pick("allow-experimental-upgrades", options.AllowExperimentalUpgrades, config.AllowExperimentalUpgrades),
            AllowReleaseCandidateUpgrades = Pick("allow-release-candidate-upgrades", options.AllowReleaseCandidateUpgrades, config.AllowRcUpgrades),
            PrintConfig = Pick("print-config", options.PrintConfig, config.PrintConfig),
            IgnorePreflightErrors = [.. options.IgnorePreflightErrors, .. config.IgnorePreflightErrors],
        };
    }

    /// <summary>`upgrade diff`: the version argument, else diff.kubernetesVersion; --context-lines given wins over diff.contextLines.</summary>
    public static UpgradeDiffOptions ForDiff(UpgradeDiffOptions options, UpgradeDiffConfiguration config, IReadOnlySet<string> changedFlags)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(changedFlags);
        return options with
        {
            TargetVersion = options.TargetVersion is { Length: > 0 } ? options.TargetVersion : config.KubernetesVersion,
            ContextLines = changedFlags.Contains("context-lines") || config.ContextLines is null ? options.ContextLines : config.ContextLines.Value,
        };
    }
}
