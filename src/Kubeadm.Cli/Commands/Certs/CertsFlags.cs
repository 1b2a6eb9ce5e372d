using System.CommandLine;
using static Kubeadm.Cli.Commands.FlagValues;
using Kubeadm.App.CertsCommands;
using Kubeadm.Core.Constants;

namespace Kubeadm.Cli.Commands.Certs;

/// <summary>The flags of the `kubeadm certs` sub-commands, with kubeadm's names and help, bound to <see cref="CertsCommandOptions"/>.</summary>
public sealed class CertsFlags
{
    public Option<string> Config { get; } = Text("--config", "Path to a kubeadm configuration file.");

    public Option<string> CertDir { get; } = Text("--cert-dir", $"The path where to save the certificates (default \"{KubeadmConstants.DefaultCertificatesDir}\")");

    public Option<string> Kubeconfig { get; } = Text(
        "--kubeconfig",
        "The kubeconfig file to use when talking to the cluster. If the flag is not set, a set of standard locations can be searched for an existing kubeconfig file. "
        + $"(default \"{KubeadmConstants.AdminKubeConfigFile}\")");

    public Option<string> KubeconfigDir { get; } = Text("--kubeconfig-dir", $"The path where to save the kubeconfig file. (default \"{KubeadmConstants.KubernetesDir}\")");

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
