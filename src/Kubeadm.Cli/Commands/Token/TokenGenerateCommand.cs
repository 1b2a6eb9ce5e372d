using System.CommandLine;
using Kubeadm.Core.BootstrapTokens;

namespace Kubeadm.Cli.Commands.Token;

/// <summary>`kubeadm token generate`: print a random token; the cluster is not contacted.</summary>
public static class TokenGenerateCommand
{
    private const string Help = """
        Generate and print a bootstrap token, but do not create it on the server

        This command will print out a randomly-generated bootstrap token that can be used with
        the "init" and "join" commands.

        You don't have to use this command in order to generate a token. You can do so
        yourself as long as it is in the format "[a-z0-9]{6}.[a-z0-9]{16}". This
        command is provided for convenience to generate tokens in the given format.

        You can also use "kubeadm init" without specifying a token and it will
        generate and print one for you.
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
