using System.CommandLine;
using Kubeadm.App.CertsCommands;
using Kubeadm.App.Init;

namespace Kubeadm.Cli.Commands.Certs;

/// <summary>`kubeadm certs generate-csr`: keys and CSRs for an external CA.</summary>
public static class GenerateCsrCommand
{
    public static Command Create(InitEnvironment environment, GlobalFlags global)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(global);
        var flags = new CertsFlags();
        var command = new Command("generate-csr", "Make the keys and signing requests (CSRs) for a control plane whose certificates an external CA signs")
        {
            flags.CertDir, flags.Config, flags.KubeconfigDir,
        };
        command.SetAction((parse, _) => CommandErrors.RunAsync(environment.Err, parse.GetValue(global.Verbosity), () =>
        {
            var context = new CertsCommandContextFactory(environment).ForCsrGeneration(flags.Bind(parse, global));
            new CsrGenerator(context).Generate();
            return Task.FromResult(0);
        }));
        return command;
    }
}
