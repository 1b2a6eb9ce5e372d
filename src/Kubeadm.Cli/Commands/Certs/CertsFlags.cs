using System.CommandLine;
using static Kubeadm.Cli.Commands.FlagValues;
using Kubeadm.App.CertsCommands;

namespace Kubeadm.Cli.Commands.Certs;

/// <summary>The flags of the `kubeadm certs` sub-commands, with kubeadm's names and defaults (help in our words), bound to <see cref="CertsCommandOptions"/>.</summary>
public sealed class CertsFlags
{
    public Option<string> Config { get; } = Text("--config", FlagHelp.Config);

    public Option<string> CertDir { get; } = Text("--cert-dir", FlagHelp.CertDir);

    public Option<string> Kubeconfig { get; } = Text("--kubeconfig", FlagHelp.KubeconfigAdmin);

    public Option<string> KubeconfigDir { get; } = Text("--kubeconfig-dir", FlagHelp.KubeconfigDir);

    public CertsCommandOptions Bind(ParseResult parse, GlobalFlags global)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(global);
        return new CertsCommandOptions
        {
            ConfigPath = Get(parse, Config),
            CertDir = Get(parse, CertDir),
            KubeconfigPath = Get(parse, Kubeconfig),
            KubeconfigDir = Get(parse, KubeconfigDir),
            Rootfs = parse.GetValue(global.Rootfs) ?? "/",
            Verbosity = parse.GetValue(global.Verbosity),
        };
    }
}
