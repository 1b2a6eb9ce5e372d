using System.CommandLine;
using static Kubeadm.Cli.Commands.FlagValues;
using System.CommandLine.Parsing;
using Kubeadm.App.Reset;
using Kubeadm.Core.Constants;

namespace Kubeadm.Cli.Commands.Reset;

/// <summary>The `kubeadm reset` flags, with kubeadm's names and defaults (help in our words), and their binding to <see cref="ResetOptions"/>.</summary>
public sealed class ResetFlags
{
    public Option<string> CertDir { get; } = Text("--cert-dir", $"The certificate directory to empty. (default \"{KubeadmConstants.DefaultCertificatesDir}\")");
    public Option<bool> CleanupTmpDir { get; } = new("--cleanup-tmp-dir") { Description = $"Also delete the \"{KubeadmConstants.TempDir}\" directory (backups and temporary files kubeadm left there)." };
    public Option<string> Config { get; } = Text("--config", FlagHelp.Config);
    public Option<string> CriSocket { get; } = Text("--cri-socket", FlagHelp.CriSocket);
    public Option<bool> DryRun { get; } = new("--dry-run") { Description = FlagHelp.DryRun };
    public Option<bool> Force { get; } = new("--force", "-f") { Description = "Do not ask for confirmation before resetting." };
    public Option<string[]> IgnorePreflightErrors { get; } = List("--ignore-preflight-errors", FlagHelp.IgnorePreflightErrors);
    public Option<string> Kubeconfig { get; } = Text("--kubeconfig", FlagHelp.KubeconfigAdmin);
    public Option<string[]> SkipPhases { get; } = List("--skip-phases", FlagHelp.SkipPhases);

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
