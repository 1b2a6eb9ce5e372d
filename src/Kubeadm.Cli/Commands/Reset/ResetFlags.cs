using System.CommandLine;
using static Kubeadm.Cli.Commands.FlagValues;
using System.CommandLine.Parsing;
using Kubeadm.App.Reset;
using Kubeadm.Core.Constants;

namespace Kubeadm.Cli.Commands.Reset;

/// <summary>The `kubeadm reset` flags, with kubeadm's names and help, and their binding to <see cref="ResetOptions"/>.</summary>
public sealed class ResetFlags
{
    public Option<string> CertDir { get; } = Text("--cert-dir", $"The path to the directory where the certificates are stored. If specified, clean this directory. (default \"{KubeadmConstants.DefaultCertificatesDir}\")");
    public Option<bool> CleanupTmpDir { get; } = new("--cleanup-tmp-dir") { Description = $"Cleanup the \"{KubeadmConstants.TempDir}\" directory" };
    public Option<string> Config { get; } = Text("--config", "Path to a kubeadm configuration file.");
    public Option<string> CriSocket { get; } = Text("--cri-socket", "Path to the CRI socket to connect. If empty kubeadm will try to auto-detect this value; use this option only if you have more than one CRI installed or if you have non-standard CRI socket.");
    public Option<bool> DryRun { get; } = new("--dry-run") { Description = "Don't apply any changes; just output what would be done." };
    public Option<bool> Force { get; } = new("--force", "-f") { Description = "Reset the node without prompting for confirmation." };
    public Option<string[]> IgnorePreflightErrors { get; } = List("--ignore-preflight-errors", "A list of checks whose errors will be shown as warnings. Example: 'IsPrivilegedUser,Swap'. Value 'all' ignores errors from all checks.");
    public Option<string> Kubeconfig { get; } = Text("--kubeconfig", $"The kubeconfig file to use when talking to the cluster. If the flag is not set, a set of standard locations can be searched for an existing kubeconfig file. (default \"{KubeadmConstants.AdminKubeConfigFile}\")");
    public Option<string[]> SkipPhases { get; } = List("--skip-phases", "List of phases to be skipped");

    /// <summary>Every flag of `kubeadm reset` itself, in kubeadm's help order (alphabetical).</summary>
    public IEnumerable<Option> ForReset() =>
        [CertDir, CleanupTmpDir, Config, CriSocket, DryRun, Force, IgnorePreflightErrors, Kubeconfig, SkipPhases];

    /// <summary>The flags named (without dashes) that a phase inherits.</summary>
    public IEnumerable<Option> ForNames(IEnumerable<string> names)
    {
        var all = ForReset().ToDictionary(o => o.Name.TrimStart('-'), StringComparer.Ordinal);
        return names.Where(all.ContainsKey).Select(name => all[name]);
    }

    public ResetOptions Bind(ParseResult parse, GlobalFlags global)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(global);
        return new ResetOptions
        {
            ConfigPath = Get(parse, Config),
            CertDir = Get(parse, CertDir),
            CriSocket = Get(parse, CriSocket),
            DryRun = Given(parse, DryRun) ? parse.GetValue(DryRun) : null,
            Force = Given(parse, Force) ? parse.GetValue(Force) : null,
            CleanupTmpDir = Given(parse, CleanupTmpDir) ? parse.GetValue(CleanupTmpDir) : null,
            IgnorePreflightErrors = GetList(parse, IgnorePreflightErrors) ?? [],
            SkipPhases = GetList(parse, SkipPhases),
            KubeconfigPath = Get(parse, Kubeconfig),
            Rootfs = parse.GetValue(global.Rootfs) ?? "/",
            Verbosity = parse.GetValue(global.Verbosity),
            ChangedFlags = [.. parse.CommandResult.Children.OfType<OptionResult>().Where(o => !o.Implicit).Select(o => o.Option.Name.TrimStart('-'))],
        };
    }
}
