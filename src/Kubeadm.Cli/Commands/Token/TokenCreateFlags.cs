using System.CommandLine;
using Kubeadm.Core.Constants;

namespace Kubeadm.Cli.Commands.Token;

/// <summary>The arguments and flags of `kubeadm token create`, with kubeadm's names and defaults (help in our words).</summary>
public sealed class TokenCreateFlags
{
    public Argument<string> Token { get; } = new("token") { Arity = ArgumentArity.ZeroOrOne, Description = "The token to create; generated when not given." };

    public Option<string> Config { get; } = new("--config") { Description = FlagHelp.Config, HelpName = "string" };

    public Option<bool> PrintJoinCommand { get; } = new("--print-join-command")
    {
        Description = "Print the whole \"kubeadm join\" command for the new token instead of the token alone.",
    };

    public Option<string> CertificateKey { get; } = new("--certificate-key")
    {
        Description = "With --print-join-command: print the command for joining as a control-plane node, with this key. "
            + "\"kubeadm init phase upload-certs --upload-certs\" uploads the certificates again under a new key.",
        HelpName = "string",
    };

    public Option<string> Ttl { get; } = new("--ttl")
    {
        Description = FlagHelp.TokenTtl,
        HelpName = "duration",
    };

    public Option<string[]> Usages { get; } = new("--usages")
    {
        Description = $"What the token may be used for: \"signing\" (nodes check cluster-info with it) and \"authentication\" (nodes log in with it); repeat the flag or separate with commas. (default [{string.Join(',', KubeadmConstants.DefaultTokenUsages)}])",
        HelpName = "strings",
        Arity = ArgumentArity.OneOrMore,
    };

    public Option<string[]> Groups { get; } = new("--groups")
    {
        Description = $"The extra groups a node logging in with the token belongs to; each must match \"\\\\Asystem:bootstrappers:[a-z0-9:-]{{0,255}}[a-z0-9]\\\\z\" (default [{KubeadmConstants.NodeBootstrapTokenAuthGroup}])",
        HelpName = "strings",
        Arity = ArgumentArity.OneOrMore,
    };

    public Option<string> Description { get; } = new("--description")
    {
        Description = "A note on what the token is for, shown by \"kubeadm token list\".",
        HelpName = "string",
    };
}
