namespace Kubeadm.Core.Configuration.Serialization;

/// <summary>
/// Decodes a kubeadm.k8s.io/v1beta4 UpgradeConfiguration (the kind exists from v1beta4 on) with the strict reader the
/// other kinds use: unknown, duplicate and mistyped fields are errors with their position.
/// </summary>
internal static class UpgradeConfigurationDecoder
{
    public static UpgradeConfiguration Decode(StrictMappingReader reader, YamlTreeNode document)
    {
        reader.Skip("apiVersion");
        reader.Skip("kind");
        var config = new UpgradeConfiguration();
        reader.Section("apply", r =>
        {
            var apply = config.Apply;
            apply.KubernetesVersion = r.String("kubernetesVersion");
            apply.AllowExperimentalUpgrades = r.Bool("allowExperimentalUpgrades");
            apply.AllowRcUpgrades = r.Bool("allowRCUpgrades");
            apply.CertificateRenewal = r.Bool("certificateRenewal");
            apply.DryRun = r.Bool("dryRun");
            apply.EtcdUpgrade = r.Bool("etcdUpgrade");
            apply.ForceUpgrade = r.Bool("forceUpgrade");
            apply.IgnorePreflightErrors = r.StringList("ignorePreflightErrors") ?? [];
            apply.Patches = r.Object("patches", p => new Patches { Directory = p.String("directory") ?? "" });
            apply.PrintConfig = r.Bool("printConfig");
            apply.SkipPhases = r.StringList("skipPhases");
            apply.ImagePullPolicy = r.String("imagePullPolicy") ?? "";
            apply.ImagePullSerial = r.Bool("imagePullSerial");
        });
        reader.Section("node", r =>
        {
            var node = config.Node;
            node.CertificateRenewal = r.Bool("certificateRenewal");
            node.DryRun = r.Bool("dryRun");
            node.EtcdUpgrade = r.Bool("etcdUpgrade");
            node.IgnorePreflightErrors = r.StringList("ignorePreflightErrors") ?? [];
            node.Patches = r.Object("patches", p => new Patches { Directory = p.String("directory") ?? "" });
            node.SkipPhases = r.StringList("skipPhases");
            node.ImagePullPolicy = r.String("imagePullPolicy") ?? "";
            node.ImagePullSerial = r.Bool("imagePullSerial");
        });
        reader.Section("plan", r =>
        {
            var plan = config.Plan;
            plan.KubernetesVersion = r.String("kubernetesVersion");
            plan.AllowExperimentalUpgrades = r.Bool("allowExperimentalUpgrades");
            plan.AllowRcUpgrades = r.Bool("allowRCUpgrades");
            plan.DryRun = r.Bool("dryRun");
            plan.IgnorePreflightErrors = r.StringList("ignorePreflightErrors") ?? [];
            plan.PrintConfig = r.Bool("printConfig");
        });
        reader.Section("diff", r =>
        {
            var diff = config.Diff;
            diff.KubernetesVersion = r.String("kubernetesVersion");
            diff.ContextLines = r.Int32("contextLines");
            diff.DiffFiles = r.StringList("diffFiles") ?? [];
        });
        reader.Section("timeouts", r => InitConfigurationDecoder.DecodeTimeouts(r, config.Timeouts));
        if (config.Timeouts.UpgradeManifests is { } upgrade && upgrade <= TimeSpan.Zero)
        {
            reader.Values.Diagnostics.Error(document.Start, "timeouts.upgradeManifests", $"Invalid value: \"{GoDuration.Format(upgrade)}\": must be greater than zero");
        }

        return config;
    }
}
