using System.CommandLine;
using Kubeadm.App.Upgrade;
using static Kubeadm.Cli.Commands.FlagValues;

namespace Kubeadm.Cli.Commands.Upgrade;

/// <summary>The flags of `kubeadm upgrade apply` and `kubeadm upgrade node`, with kubeadm's names and defaults (help in our words), bound to <see cref="UpgradeOptions"/>.</summary>
public sealed class UpgradeFlags
{
    internal const string AllowExperimentalHelp = "Accept alpha, beta and release-candidate versions as the target.";
    internal const string AllowReleaseCandidateHelp = "Accept release-candidate versions as the target.";
    internal const string PrintConfigHelp = "Print the configuration the upgrade works from.";

    public Option<bool> AllowExperimentalUpgrades { get; } = new("--allow-experimental-upgrades")
    {
        Description = AllowExperimentalHelp,
    };

    public Option<bool> AllowReleaseCandidateUpgrades { get; } = new("--allow-release-candidate-upgrades")
    {
        Description = AllowReleaseCandidateHelp,
    };

    public Option<bool> CertificateRenewal { get; } = new("--certificate-renewal")
    {
        Description = "Renew the certificates of each control-plane component that is upgraded. (default true)",
        DefaultValueFactory = _ => true,
    };

    public Option<string> Config { get; } = Text("--config", FlagHelp.Config);

    public Option<bool> DryRun { get; } = new("--dry-run") { Description = FlagHelp.DryRun };

    public Option<bool> EtcdUpgrade { get; } = new("--etcd-upgrade")
    {
        Description = "Upgrade the local etcd too. (default true)",
        DefaultValueFactory = _ => true,
    };

    public Option<bool> Force { get; } = new("--force", "-f")
    {
        Description = "Upgrade even when checks that can be overridden fail (e.g. an unhealthy cluster or a version skew kubeadm advises against); implies --yes.",
    };

    public Option<string[]> IgnorePreflightErrors { get; } = List("--ignore-preflight-errors", FlagHelp.IgnorePreflightErrors);

    public Option<string> Kubeconfig { get; } = Text("--kubeconfig", FlagHelp.KubeconfigAdmin);

    public Option<string> Patches { get; } = Text("--patches", FlagHelp.Patches([.. FlagHelp.NodePatchTargets, "corednsdeployment"]));

    public Option<bool> PrintConfig { get; } = new("--print-config") { Description = PrintConfigHelp };

    public Option<string[]> SkipPhases { get; } = List("--skip-phases", FlagHelp.SkipPhases);

    public Option<bool> Yes { get; } = new("--yes", "-y") { Description = "Do not ask for confirmation before upgrading." };

    public Option<string> Output { get; } = new("--output", "-o")
    {
        Description = "Output format: text (default), or json/yaml for a structured result (each component's from/to version, backup path and wait time, the rollback command, phase outcomes) on stdout",
        HelpName = "string",
    };

    /// <summary>The flags of `upgrade apply`, in kubeadm's help order (alphabetical), and our -o.</summary>
    public IEnumerable<Option> ForApply() =>
    [
        AllowExperimentalUpgrades, AllowReleaseCandidateUpgrades, CertificateRenewal, Config, DryRun, EtcdUpgrade, Force,
        IgnorePreflightErrors, Kubeconfig, Patches, PrintConfig, SkipPhases, Yes, Output,
    ];

    /// <summary>The flags of `upgrade node`, and our -o.</summary>
    public IEnumerable<Option> ForNode() =>
        [CertificateRenewal, Config, DryRun, EtcdUpgrade, IgnorePreflightErrors, Kubeconfig, Patches, SkipPhases, Output];

    /// <summary>The flags named (without dashes) that a phase inherits.</summary>
    public IEnumerable<Option> ForNames(IEnumerable<string> names)
    {
        var all = ForApply().ToDictionary(o => o.Name.TrimStart('-'), StringComparer.Ordinal);
        return names.Where(all.ContainsKey).Select(name => all[name]);
    }

    public UpgradeOptions Bind(ParseResult parse, GlobalFlags global, Argument<string[]>? version)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(global);
        var versions = version is null ? [] : parse.GetValue(version) ?? [];
        if (versions.Length > 1)
        {
            throw new Kubeadm.Core.Errors.KubeadmUserException($"too many arguments. Required arguments: [version]; given: [{string.Join(' ', versions)}]");
        }

        bool Value(Option<bool> option) => Given(parse, option) ? parse.GetValue(option) : option.Name is "--etcd-upgrade" or "--certificate-renewal";
        return new UpgradeOptions
        {
            TargetVersion = versions.FirstOrDefault(),
            AllowExperimentalUpgrades = Value(AllowExperimentalUpgrades),
            AllowReleaseCandidateUpgrades = Value(AllowReleaseCandidateUpgrades),
            CertificateRenewal = Value(CertificateRenewal),
            ConfigPath = Get(parse, Config),
            DryRun = Value(DryRun),
            EtcdUpgrade = Value(EtcdUpgrade),
            Force = Value(Force),
            IgnorePreflightErrors = GetList(parse, IgnorePreflightErrors) ?? [],
            KubeconfigPath = Get(parse, Kubeconfig),
            PatchesDir = Get(parse, Patches),
            PrintConfig = Value(PrintConfig),
            SkipPhases = GetList(parse, SkipPhases),
            Yes = Value(Yes),
            Rootfs = parse.GetValue(global.Rootfs) ?? "/",
            Verbosity = parse.GetValue(global.Verbosity),
            ChangedFlags = ChangedFlags(parse),
        };
    }
}
