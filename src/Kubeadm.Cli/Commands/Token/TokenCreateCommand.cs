using System.CommandLine;
using System.CommandLine.Parsing;
using Kubeadm.App.Init;
using Kubeadm.App.NodeSetup;
using Kubeadm.Core.BootstrapTokens;
using Kubeadm.Core.Configuration;
using Kubeadm.Core.Configuration.Serialization;
using Kubeadm.Core.Configuration.Validation;
using Kubeadm.Core.Constants;
using Kubeadm.Core.Errors;
using Kubeadm.Core.Join;

namespace Kubeadm.Cli.Commands.Token;

/// <summary>
/// `kubeadm token create [token]`: store a new bootstrap token (from the flags, or every token of --config) and print
/// it, or with --print-join-command the one-line `kubeadm join` command for it.
/// </summary>
public static class TokenCreateCommand
{
    private const string Help = """
        Store a new bootstrap token in the cluster and print it

        Stores a new bootstrap token in the cluster, with the usages, lifetime (--ttl) and description you give.
        Pass your own [token] ("[a-z0-9]{6}.[a-z0-9]{16}", made from a secure random source) or leave it out and
        a random one is generated and printed.
        """;

    public static Command Create(TokenCommandContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var flags = new TokenCreateFlags();
        var command = new Command("create", Help)
        {
            flags.Token, flags.Config, flags.PrintJoinCommand, flags.CertificateKey, flags.Ttl, flags.Usages, flags.Groups, flags.Description,
        };
        command.SetAction((parse, cancellationToken) => context.RunAsync(parse, async () =>
        {
            var certificateKey = parse.GetValue(flags.CertificateKey) ?? "";
            var printJoinCommand = parse.GetValue(flags.PrintJoinCommand);
            if (certificateKey.Length > 0 && !printJoinCommand)
            {
                throw new KubeadmUserException("cannot use --certificate-key without --print-join-command");
            }

            var fileSystem = context.FileSystem(parse);
            var tokens = LoadTokens(context, parse, flags);
            var kubeconfigPath = context.KubeconfigPath(parse, fileSystem);
            var api = context.Client(fileSystem, kubeconfigPath);
            await BootstrapTokenStore.UpdateOrCreateAsync(api, tokens, context.Environment.Clock.GetUtcNow(), failIfExists: true, cancellationToken)
                .ConfigureAwait(false);

            var token = tokens[0].Token;
            if (!printJoinCommand)
            {
                await context.Environment.Out.WriteLineAsync(token).ConfigureAwait(false);
                return 0;
            }

            var target = JoinTarget.FromKubeconfig(AdminKubeconfig.Read(fileSystem, kubeconfigPath), kubeconfigPath, fileSystem.ReadAllBytes);
            var join = certificateKey.Length > 0 ? Kubeadm.Core.Join.JoinCommand.ControlPlane(target, token, certificateKey) : Kubeadm.Core.Join.JoinCommand.Worker(target, token);
            await context.Environment.Out.WriteLineAsync(Kubeadm.Core.Join.JoinCommand.SingleLine(join)).ConfigureAwait(false);
            return 0;
        }));
        return command;
    }

    /// <summary>
    /// With --config, every token of the file (a missing token is generated; the [token] argument is ignored, as in
    /// kubeadm). Without, one token from the argument and flags, validated by kubeadm's bootstrap token rules.
    /// </summary>
    private static List<BootstrapToken> LoadTokens(TokenCommandContext context, ParseResult parse, TokenCreateFlags flags)
    {
        var environment = context.Environment;
        var fileSystem = context.FileSystem(parse);
        var configPath = parse.GetResult(flags.Config) is { Implicit: false } ? parse.GetValue(flags.Config) : null;
        var options = new InitOptions
        {
            ConfigPath = configPath,
            Rootfs = parse.GetValue(context.Global.Rootfs) ?? "/",
            ChangedFlags = ChangedFlagNames(parse),
        };
        void Warn(string message) => environment.Err.WriteLine(message.StartsWith('[') ? message : $"WARNING: {message}");
        var loaded = new InitConfigurationLoader(fileSystem, environment.HostInfoFor(fileSystem), environment.Random, Warn, environment.ReadUserFile)
            .Load(options);
        var config = loaded.Config;
        if (configPath is not null)
        {
            return config.Init.BootstrapTokens;
        }

        var token = config.Init.BootstrapTokens[0];
        if (parse.GetValue(flags.Token) is { Length: > 0 } given)
        {
            token.Token = BootstrapTokenString.TryParse(given, out var parsed)
                ? parsed.ToString()
                : throw new KubeadmUserException($"the bootstrap token \"{Redact(given)}\" was not of the form \"{BootstrapTokenString.Pattern}\"");
        }

        var ttlText = parse.GetValue(flags.Ttl) ?? "24h0m0s";
        token.Ttl = GoDuration.TryParse(ttlText, out var ttl)
            ? ttl
            : throw new KubeadmUserException($"invalid argument \"{ttlText}\" for \"--ttl\" flag: want a duration such as 24h0m0s, 2h45m or 0 (never expires)");
        token.Expires = null;
        token.Usages = List(parse, flags.Usages) ?? [.. KubeadmConstants.DefaultTokenUsages];
        token.Groups = List(parse, flags.Groups) ?? [KubeadmConstants.NodeBootstrapTokenAuthGroup];
        token.Description = parse.GetValue(flags.Description) ?? "";
        config.Init.BootstrapTokens = [token];
        ConfigValidator.ValidateOrThrow(config);
        return config.Init.BootstrapTokens;
    }

    private static List<string>? List(ParseResult parse, Option<string[]> option) =>
        parse.GetResult(option) is { Implicit: false }
            ? [.. (parse.GetValue(option) ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))]
            : null;

    private static List<string> ChangedFlagNames(ParseResult parse)
    {
        var names = new List<string>();
        for (var result = parse.CommandResult; result is not null; result = result.Parent as CommandResult)
        {
            names.AddRange(result.Children.OfType<OptionResult>().Where(o => !o.Implicit).Select(o => o.Option.Name.TrimStart('-')));
        }

        return names;
    }

    private static string Redact(string token)
    {
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? "<redacted>" : token[..(dot + 1)] + "<redacted>";
    }
}
