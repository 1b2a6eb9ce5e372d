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
        Print a kubeconfig file for another user of this cluster.

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
        var config = Text("--config", FlagHelp.Config);
        var clientName = Text("--client-name", "The user's name: the certificate's common name (CN) (required).");
        var organizations = List("--org", "The groups the user belongs to: the certificate's organizations (O).");
        var token = Text("--token", "Authenticate the user with this bearer token instead of a client certificate.");
        var validity = new Option<string>("--validity-period")
        {
            Description = $"How long the client certificate stays valid, counted from now (e.g. 720h). (default {GoDuration.Format(KubeadmConstants.CertificateValidityPeriod)})",
            HelpName = "duration",
        };
        var user = new Command("user", "Print a kubeconfig file for another user of this cluster") { clientName, config, organizations, token, validity };
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
        return new Command("kubeconfig", "Make kubeconfig files for more users") { user };
    }
}
