using System.CommandLine;
using Kubeadm.App.Init;
using Kubeadm.Cli.Commands.Certs;
using Kubeadm.Core.Constants;

namespace Kubeadm.Cli.Commands;

/// <summary>`kubeadm certs`: commands related to handling Kubernetes certificates.</summary>
public sealed class CertsCommand
{
    private readonly InitEnvironment _environment;
    private readonly GlobalFlags _global;
    private readonly LongHelpAction _help;

    public CertsCommand(InitEnvironment environment, GlobalFlags global, LongHelpAction help)
    {
        _environment = environment;
        _global = global;
        _help = help;
    }

    public Command Create()
    {
        var certs = new Command("certs", "Commands related to handling Kubernetes certificates");
        certs.Aliases.Add("certificates");
        certs.Subcommands.Add(RenewCommand.Create(_environment, _global));
        certs.Subcommands.Add(CheckExpirationCommand.Create(_environment, _global));
        certs.Subcommands.Add(CreateCertificateKey());
        certs.Subcommands.Add(GenerateCsrCommand.Create(_environment, _global));
        return certs;
    }

    private Command CreateCertificateKey()
    {
        var command = new Command("certificate-key", "Generate certificate keys");
        _help.Register(
            command,
            "This command will print out a secure randomly-generated certificate key that can be used with the \"init\" command.\n\n" +
            "You can also use \"kubeadm init --upload-certs\" without specifying a certificate key and it will generate and print one for you.");
        command.SetAction((parse, _) => CommandErrors.RunAsync(_environment.Err, parse.GetValue(_global.Verbosity), async () =>
        {
            var key = new byte[KubeadmConstants.CertificateKeySize];
            _environment.Random.Fill(key);
            await _environment.Out.WriteLineAsync(Convert.ToHexStringLower(key)).ConfigureAwait(false);
            return 0;
        }));
        return command;
    }
}
