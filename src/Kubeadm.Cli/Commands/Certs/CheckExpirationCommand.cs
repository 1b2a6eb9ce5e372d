using System.CommandLine;
using Kubeadm.App.CertsCommands;
using Kubeadm.App.Init;
using Kubeadm.Core.Errors;

namespace Kubeadm.Cli.Commands.Certs;

/// <summary>`kubeadm certs check-expiration [-o text|json|yaml]`.</summary>
public static class CheckExpirationCommand
{
    private static readonly string[] Formats = ["json", "text", "yaml"];

    public static Command Create(InitEnvironment environment, GlobalFlags global)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(global);
        var flags = new CertsFlags();
        var output = new Option<string>("--output", "-o")
        {
            Description = "How to print the report: text, json or yaml. (default \"text\")",
            HelpName = "string",
        };
        var command = new Command("check-expiration", "List the certificates and CAs of this node with their expiry dates and time left")
        {
            flags.CertDir, flags.Config, flags.Kubeconfig, output,
        };
        command.SetAction((parse, cancellationToken) => CommandErrors.RunAsync(environment.Err, parse.GetValue(global.Verbosity), async () =>
        {
            var format = parse.GetValue(output) is { Length: > 0 } given ? given : "text";
            if (!Formats.Contains(format, StringComparer.Ordinal))
            {
                throw new KubeadmUserException(
                    $"could not construct output printer: unable to match a printer suitable for the output format \"{format}\", allowed formats are: {string.Join(',', Formats)}");
            }

            var context = await new CertsCommandContextFactory(environment)
                .ForExistingPkiAsync(flags.Bind(parse, global), "check-expiration", printInfo: format == "text", cancellationToken).ConfigureAwait(false);
            var report = ExpirationChecker.Check(context);
            var text = format switch
            {
                "json" => ExpirationObjectFormatter.Json(report),
                "yaml" => ExpirationObjectFormatter.Yaml(report),
                _ => ExpirationTextFormatter.Format(report),
            };
            await environment.Out.WriteAsync(text).ConfigureAwait(false);
            return 0;
        }));
        return command;
    }
}
