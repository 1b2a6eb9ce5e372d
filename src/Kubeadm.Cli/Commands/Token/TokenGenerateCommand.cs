using System.CommandLine;
using Kubeadm.Core.BootstrapTokens;

namespace Kubeadm.Cli.Commands.Token;

/// <summary>`kubeadm token generate`: print a random token; the cluster is not contacted.</summary>
public static class TokenGenerateCommand
{
    private const string Help = """
        Print a new random token without storing it in the cluster

        Prints a random token in the bootstrap token format ("[a-z0-9]{6}.[a-z0-9]{16}") for later use with
        "kubeadm init --token" or "kubeadm token create". Any string in that format works as well; "kubeadm init"
        makes one itself when none is given.
        """;

    public static Command Create(TokenCommandContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var command = new Command("generate", Help);
        command.SetAction((parse, _) => context.RunAsync(parse, async () =>
        {
            await context.Environment.Out.WriteLineAsync(BootstrapTokenGenerator.Generate(context.Environment.Random)).ConfigureAwait(false);
            return 0;
        }));
        return command;
    }
}
