using System.CommandLine;
using Kubeadm.App.Init;
using Kubeadm.Cli.Commands.Token;

namespace Kubeadm.Cli.Commands;

/// <summary>`kubeadm token`: create, list, delete and generate bootstrap tokens.</summary>
public sealed class TokenCommand
{
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
        var token = new Command("token", "Manage bootstrap tokens") { context.Kubeconfig };
        _help.Register(token, "Manage bootstrap tokens\n\n" + LongHelp);
        token.Subcommands.Add(TokenCreateCommand.Create(context));
        token.Subcommands.Add(TokenDeleteCommand.Create(context));
        token.Subcommands.Add(TokenGenerateCommand.Create(context));
        token.Subcommands.Add(TokenListCommand.Create(context));
        return token;
    }
}
