using System.CommandLine;
using Kubeadm.App.Upgrade;
using Kubeadm.Core.Constants;
using static Kubeadm.Cli.Commands.FlagValues;

namespace Kubeadm.Cli.Commands.Upgrade;

/// <summary>The flags of `kubeadm upgrade apply` and `kubeadm upgrade node`, with kubeadm's names and help, bound to <see cref="UpgradeOptions"/>.</summary>
public sealed class UpgradeFlags
{
    public Option<bool> AllowExperimentalUpgrades { get; } = new("--allow-experimental-upgrades")
    {
        Description = "Show unstable versions of Kubernetes as an upgrade alternative and allow upgrading to an alpha/beta/release candidate versions of Kubernetes.",
    };

    public Option<bool> AllowReleaseCandidateUpgrades { get; } = new("--allow-release-candidate-upgrades")
    {
        Description = "Show release candidate versions of Kubernetes as an upgrade alternative and allow upgrading to a release candidate versions of Kubernetes.",
    };

    public Option<bool> CertificateRenewal { get; } = new("--certificate-renewal")
    {
        Description = "Perform the renewal of certificates used by component changed during upgrades. (default true)",
        DefaultValueFactory = _ => true,
    };

    public Option<string> Config { get; } = Text("--config", "Path to a kubeadm configuration file.");

    public Option<bool> DryRun { get; } = new("--dry-run") { Description = "Do not change any state, just output what actions would be performed." };

    public Option<bool> EtcdUpgrade { get; } = new("--etcd-upgrade")
    {
        Description = "Perform the upgrade of etcd. (default true)",
        DefaultValueFactory = _ => true,
    };

    public Option<bool> Force { get; } = new("--force", "-f")
    {
        Description = "Force upgrading although some requirements might not be met. This also implies non-interactive mode.",
    };

    public Option<string[]> IgnorePreflightErrors { get; } = List("--ignore-preflight-errors", "A list of checks whose errors will be shown as warnings. Example: 'IsPrivilegedUser,Swap'. Value 'all' ignores errors from all checks.");

    public Option<string> Kubeconfig { get; } = Text("--kubeconfig", $"The kubeconfig file to use when talking to the cluster. If the flag is not set, a set of standard locations can be searched for an existing kubeconfig file. (default \"{KubeadmConstants.AdminKubeConfigFile}\")");

    public Option<string> Patches { get; } = Text("--patches", "Path to a directory that contains files named \"target[suffix][+patchtype].extension\". For example, \"kube-apiserver0+merge.yaml\" or just \"etcd.json\". \"target\" can be one of \"kube-apiserver\", \"kube-controller-manager\", \"kube-scheduler\", \"etcd\", \"kubeletconfiguration\", \"corednsdeployment\". \"patchtype\" can be one of \"strategic\", \"merge\" or \"json\" and they match the patch formats supported by kubectl. The default \"patchtype\" is \"strategic\". \"extension\" must be either \"json\" or \"yaml\". \"suffix\" is an optional string that can be used to determine which patches are applied first alpha-numerically.");

    public Option<bool> PrintConfig { get; } = new("--print-config") { Description = "Specifies whether the configuration file that will be used in the upgrade should be printed or not." };

    public Option<string[]> SkipPhases { get; } = List("--skip-phases", "List of phases to be skipped");

    public Option<bool> Yes { get; } = new("--yes", "-y") { Description = "Perform the upgrade and do not prompt for confirmation (non-interactive mode)." };

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
