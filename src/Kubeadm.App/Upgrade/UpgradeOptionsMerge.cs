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
        var merged = options with
        {
            UpgradeManifestsTimeout = options.UpgradeManifestsTimeout ?? config.Timeouts.UpgradeManifests,
        };
        if (isApply)
        {
            var apply = config.Apply;
            return merged with
            {
                TargetVersion = options.TargetVersion is { Length: > 0 } ? options.TargetVersion : apply.KubernetesVersion,
                DryRun = Pick("dry-run", options.DryRun, apply.DryRun),
                EtcdUpgrade = Pick("etcd-upgrade", options.EtcdUpgrade, apply.EtcdUpgrade),
                CertificateRenewal = Pick("certificate-renewal", options.CertificateRenewal, apply.CertificateRenewal),
                Force = Pick("force", options.Force, apply.ForceUpgrade),
                AllowExperimentalUpgrades = Pick("allow-experimental-upgrades", options.AllowExperimentalUpgrades, apply.AllowExperimentalUpgrades),
                AllowReleaseCandidateUpgrades = Pick("allow-release-candidate-upgrades", options.AllowReleaseCandidateUpgrades, apply.AllowRcUpgrades),
                PrintConfig = Pick("print-config", options.PrintConfig, apply.PrintConfig),
                PatchesDir = changed.Contains("patches") ? options.PatchesDir : apply.Patches?.Directory ?? options.PatchesDir,
                IgnorePreflightErrors = [.. options.IgnorePreflightErrors, .. apply.IgnorePreflightErrors],
                SkipPhases = options.SkipPhases ?? apply.SkipPhases,
            };
        }

        var node = config.Node;
        return merged with
        {
            DryRun = Pick("dry-run", options.DryRun, node.DryRun),
            EtcdUpgrade = Pick("etcd-upgrade", options.EtcdUpgrade, node.EtcdUpgrade),
            CertificateRenewal = Pick("certificate-renewal", options.CertificateRenewal, node.CertificateRenewal),
            PatchesDir = changed.Contains("patches") ? options.PatchesDir : node.Patches?.Directory ?? options.PatchesDir,
            IgnorePreflightErrors = [.. options.IgnorePreflightErrors, .. node.IgnorePreflightErrors],
            SkipPhases = options.SkipPhases ?? node.SkipPhases,
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
