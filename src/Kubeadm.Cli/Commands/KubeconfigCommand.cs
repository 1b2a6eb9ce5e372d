using System.CommandLine;
using Kubeadm.App.Init;
using Kubeadm.App.KubeConfig;
using Kubeadm.Core.Configuration.Serialization;
using Kubeadm.Core.Constants;
using Kubeadm.Core.Errors;
using static Kubeadm.Cli.Commands.FlagValues;

namespace Kubeadm.Cli.Commands;

/// <summary>`kubeadm kubeconfig user`: a kubeconfig for an additional user, printed to standard output.</summary>
public static class KubeconfigCommand
{
    private const string UserLongHelp = """
        Output a kubeconfig file for an additional user.

        Print a kubeconfig for one more user of this cluster. The user is named by --client-name and, unless
        --token is given, gets a new client certificate (CN = the name, O = each --org) signed by the cluster CA
        in the configuration's certificatesDir. The server is the configuration's controlPlaneEndpoint, or this
        node's advertise address. Nothing is written: redirect the output to a file.
        """;

    public static Command Create(InitEnvironment environment, GlobalFlags global, LongHelpAction help)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(global);
        ArgumentNullException.ThrowIfNull(help);
        var config = Text("--config", "Path to a kubeadm configuration file.");
        var clientName = Text("--client-name", "The name of user. It will be used as the CN if client certificates are created");
        var organizations = List("--org", "The organizations of the client certificate. It will be used as the O if client certificates are created");
        var token = Text("--token", "The token that should be used as the authentication mechanism for this kubeconfig, instead of client certificates");
        var validity = new Option<string>("--validity-period")
        {
            Description = $"The validity period of the client certificate. It is an offset from the current time. (default {GoDuration.Format(KubeadmConstants.CertificateValidityPeriod)})",
            HelpName = "duration",
        };
        var user = new Command("user", "Output a kubeconfig file for an additional user") { clientName, config, organizations, token, validity };
        help.Register(user, UserLongHelp);
        user.SetAction((parse, _) => CommandErrors.RunAsync(environment.Err, parse.GetValue(global.Verbosity), async () =>
        {
            var name = Get(parse, clientName) ?? throw new KubeadmUserException("required flag(s) \"client-name\" not set");
            var validityText = Get(parse, validity);
            var period = KubeadmConstants.CertificateValidityPeriod;
            if (validityText is not null && !GoDuration.TryParse(validityText, out period, out var error))
            {
                throw new KubeadmUserException($"invalid argument \"{validityText}\" for \"--validity-period\" flag: {error}");
            }

            await UserKubeconfigCommand.RunAsync(environment, new UserKubeconfigOptions
            {
                ClientName = name,
                ConfigPath = Get(parse, config),
                Organizations = GetList(parse, organizations) ?? [],
                Token = Get(parse, token) ?? "",
                ValidityPeriod = period,
                Rootfs = parse.GetValue(global.Rootfs) ?? "/",
                Verbosity = parse.GetValue(global.Verbosity),
            }).ConfigureAwait(false);
            return 0;
        }));
        return new Command("kubeconfig", "Kubeconfig file utilities") { user };
    }
}
