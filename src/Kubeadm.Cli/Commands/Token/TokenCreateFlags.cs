using System.CommandLine;
using Kubeadm.Core.Constants;

namespace Kubeadm.Cli.Commands.Token;

/// <summary>The arguments and flags of `kubeadm token create`, with kubeadm's names and help.</summary>
public sealed class TokenCreateFlags
{
    public Argument<string> Token { get; } = new("token") { Arity = ArgumentArity.ZeroOrOne, Description = "The token to create; generated when not given." };

    public Option<string> Config { get; } = new("--config") { Description = "Path to a kubeadm configuration file.", HelpName = "string" };

    public Option<bool> PrintJoinCommand { get; } = new("--print-join-command")
    {
        Description = "Instead of printing only the token, print the full 'kubeadm join' flag needed to join the cluster using the token.",
    };

    public Option<string> CertificateKey { get; } = new("--certificate-key")
    {
        Description = "When used together with '--print-join-command', print the full 'kubeadm join' flag needed to join the cluster as a control-plane. "
            + "To create a new certificate key you must use 'kubeadm init phase upload-certs --upload-certs'.",
        HelpName = "string",
    };

    public Option<string> Ttl { get; } = new("--ttl")
    {
        Description = "The duration before the token is automatically deleted (e.g. 1s, 2m, 3h). If set to '0', the token will never expire (default 24h0m0s)",
        HelpName = "duration",
    };

    public Option<string[]> Usages { get; } = new("--usages")
    {
        Description = $"Describes the ways in which this token can be used. You can pass --usages multiple times or provide a comma separated list of options. Valid options: [signing,authentication] (default [{string.Join(',', KubeadmConstants.DefaultTokenUsages)}])",
        HelpName = "strings",
        Arity = ArgumentArity.OneOrMore,
    };

    public Option<string[]> Groups { get; } = new("--groups")
    {
        Description = $"Extra groups that this token will authenticate as when used for authentication. Must match \"\\\\Asystem:bootstrappers:[a-z0-9:-]{{0,255}}[a-z0-9]\\\\z\" (default [{KubeadmConstants.NodeBootstrapTokenAuthGroup}])",
        HelpName = "strings",
        Arity = ArgumentArity.OneOrMore,
    };

    public Option<string> Description { get; } = new("--description")
    {
        Description = "A human friendly description of how this token is used.",
        HelpName = "string",
    };
}
