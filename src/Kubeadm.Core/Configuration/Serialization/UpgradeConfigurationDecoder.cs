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
            apply.ForceUpgrade = r.Bool("forceUpgrade");
            apply.PrintConfig = r.Bool("printConfig");
            DecodeNodeSettings(r, apply);
        });
        reader.Section("node", r => DecodeNodeSettings(r, config.Node));
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

    private static void DecodeNodeSettings(StrictMappingReader reader, UpgradeNodeSettings settings)
    {
        settings.CertificateRenewal = reader.Bool("certificateRenewal");
        settings.DryRun = reader.Bool("dryRun");
        settings.EtcdUpgrade = reader.Bool("etcdUpgrade");
        settings.IgnorePreflightErrors = reader.StringList("ignorePreflightErrors") ?? [];
        settings.Patches = reader.Object("patches", p => new Patches { Directory = p.String("directory") ?? "" });
        settings.SkipPhases = reader.StringList("skipPhases");
        settings.ImagePullPolicy = reader.String("imagePullPolicy") ?? "";
        settings.ImagePullSerial = reader.Bool("imagePullSerial");
    }
}
