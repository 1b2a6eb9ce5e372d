using System.CommandLine;
using Kubeadm.App.Init;
using Kubeadm.Cli.Commands.Token;

namespace Kubeadm.Cli.Commands;

/// <summary>`kubeadm token`: create, list, delete and generate bootstrap tokens.</summary>
public sealed class TokenCommand
{
    private const string ShortHelp = "Create, list and delete the cluster's bootstrap tokens";

    private const string LongHelp = """
        Bootstrap tokens let a new node and the cluster trust each other before the node has credentials of its
        own: the node proves it knows a token to the API server, and the token's "signing" usage lets the node
        check that the cluster-info it reads really comes from this cluster. "kubeadm init" creates one; these
        commands create, list and delete more.

        A token reads "<id>.<secret>" ("[a-z0-9]{6}.[a-z0-9]{16}"). It is stored as the Secret
        "bootstrap-token-<id>" of type "bootstrap.kubernetes.io/token" in kube-system. The id is public; keep the
        secret part private.

        Kubernetes documentation: https://kubernetes.io/docs/reference/access-authn-authz/bootstrap-tokens/
        """;

    private readonly InitEnvironment _environment;
    private readonly GlobalFlags _global;
    private readonly LongHelpAction _help;

    public TokenCommand(InitEnvironment environment, GlobalFlags global, LongHelpAction help)
    {
        _help = help;
        _environment = environment;
        _global = global;
    }

    public Command Create()
    {
        var context = new TokenCommandContext(_environment, _global);
        var token = new Command("token", ShortHelp) { context.Kubeconfig };
        _help.Register(token, $"{ShortHelp}\n\n{LongHelp}");
        foreach (var subcommand in new[]
        {
            TokenCreateCommand.Create(context), TokenDeleteCommand.Create(context), TokenGenerateCommand.Create(context), TokenListCommand.Create(context),
        })
        {
            token.Subcommands.Add(WithLongHelp(subcommand));
        }

        return token;
    }

    /// <summary>A sub-command written as "one line, blank line, more": the parent's list shows the line, its --help all.</summary>
    private Command WithLongHelp(Command command)
    {
        var text = command.Description ?? "";
        var firstLine = text.Split('\n')[0];
        if (firstLine.Length < text.Length)
        {
            _help.Register(command, text);
            command.Description = firstLine;
        }

        return command;
    }
}
