using System.CommandLine;
using Kubeadm.App.NodeSetup;
using Kubeadm.Core.Errors;

namespace Kubeadm.Cli.Commands.Token;

/// <summary>`kubeadm token list [-o text|json|yaml]`: the bootstrap token Secrets in kube-system.</summary>
public static class TokenListCommand
{
    private static readonly string[] Formats = ["json", "text", "yaml"];

    public static Command Create(TokenCommandContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var output = new Option<string>("--output", "-o")
        {
            Description = "How to print the tokens: text, json or yaml. (default \"text\")",
            HelpName = "string",
        };
        var command = new Command("list", "List the bootstrap tokens stored in the cluster\n\nShows every bootstrap token in the cluster with its lifetime, usages, description and extra groups.") { output };
        command.SetAction((parse, cancellationToken) => context.RunAsync(parse, async () =>
        {
            var format = parse.GetValue(output) is { Length: > 0 } given ? given : "text";
            if (!Formats.Contains(format, StringComparer.Ordinal))
            {
                throw new KubeadmUserException(
                    $"could not construct output printer: unable to match a printer suitable for the output format \"{format}\", allowed formats are: {string.Join(',', Formats)}");
            }

            var fileSystem = context.FileSystem(parse);
            var api = context.Client(fileSystem, context.KubeconfigPath(parse, fileSystem));
            var tokens = await BootstrapTokenStore.ListAsync(api, context.Environment.Err.WriteLine, cancellationToken).ConfigureAwait(false);
            var text = format switch
            {
                "json" => TokenListFormatter.Json(tokens),
                "yaml" => TokenListFormatter.Yaml(tokens),
                _ => TokenListFormatter.Text(tokens, context.Environment.Clock.GetUtcNow()),
            };
            await context.Environment.Out.WriteAsync(text).ConfigureAwait(false);
            return 0;
        }));
        return command;
    }
}
