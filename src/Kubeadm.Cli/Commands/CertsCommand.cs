using System.CommandLine;
using Kubeadm.App.Init;
using Kubeadm.Cli.Commands.Certs;
using Kubeadm.Core.Constants;

namespace Kubeadm.Cli.Commands;

/// <summary>`kubeadm certs`: renew, check-expiration, certificate-key and generate-csr.</summary>
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
        var certs = new Command("certs", "Renew, check and prepare the cluster's certificates");
        certs.Aliases.Add("certificates");
        certs.Subcommands.Add(RenewCommand.Create(_environment, _global));
        certs.Subcommands.Add(CheckExpirationCommand.Create(_environment, _global));
        certs.Subcommands.Add(CreateCertificateKey());
        certs.Subcommands.Add(GenerateCsrCommand.Create(_environment, _global));
        return certs;
    }

    private Command CreateCertificateKey()
    {
        var command = new Command("certificate-key", "Print a new random key for encrypting the uploaded control-plane certificates");
        _help.Register(
            command,
            "Prints a new random certificate key (32 bytes, hex): the AES-256 key \"kubeadm init --upload-certs --certificate-key\" "
            + "encrypts the control-plane certificates with.\n\n"
            + "\"kubeadm init --upload-certs\" without --certificate-key makes and prints one itself.");
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
