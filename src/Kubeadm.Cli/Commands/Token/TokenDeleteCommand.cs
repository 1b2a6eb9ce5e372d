using System.CommandLine;
using k8s.Models;
using Kubeadm.Core.BootstrapTokens;
using Kubeadm.Core.ClusterApi;
using Kubeadm.Core.Errors;

namespace Kubeadm.Cli.Commands.Token;

/// <summary>`kubeadm token delete [token-value] ...`: delete tokens given by full token or by id.</summary>
public static class TokenDeleteCommand
{
    private const string Help = """
        Delete bootstrap tokens from the cluster, by token or by id

        Removes each named token from the cluster. A [token-value] is either a whole token
        ("[a-z0-9]{6}.[a-z0-9]{16}") or just its id ("[a-z0-9]{6}").
        """;

    public static Command Create(TokenCommandContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var tokens = new Argument<string[]>("token-value") { Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("delete", Help) { tokens };
        command.SetAction((parse, cancellationToken) => context.RunAsync(parse, async () =>
        {
            var values = parse.GetValue(tokens) ?? [];
            if (values.Length == 0)
            {
                throw new KubeadmUserException(
                    $"missing argument; 'token delete' is missing token of form \"{BootstrapTokenString.Pattern}\" or \"{BootstrapTokenString.IdPattern}\"");
            }

            var fileSystem = context.FileSystem(parse);
            var api = context.Client(fileSystem, context.KubeconfigPath(parse, fileSystem));
            foreach (var value in values)
            {
                var id = IdOf(value);
                try
                {
                    if (!await api.DeleteAsync<V1Secret>(BootstrapTokenSecret.Namespace, BootstrapTokenString.SecretName(id), cancellationToken).ConfigureAwait(false))
                    {
                        throw new ClusterApiException($"secrets \"{BootstrapTokenString.SecretName(id)}\" not found", 404);
                    }
                }
                catch (ClusterApiException e)
                {
                    throw new ClusterApiException($"failed to delete bootstrap token \"{id}\": {e.Message}", e.StatusCode, e);
                }

                await context.Environment.Out.WriteLineAsync($"bootstrap token \"{id}\" deleted").ConfigureAwait(false);
            }

            return 0;
        }));
        return command;
    }

    /// <summary>The token id of a value that is an id or a full token; the secret part is never echoed back.</summary>
    private static string IdOf(string value)
    {
        if (BootstrapTokenString.IsValidId(value))
        {
            return value;
        }

        return BootstrapTokenString.TryParse(value, out var token)
            ? token.Id
            : throw new KubeadmUserException(
                $"given token didn't match pattern \"{BootstrapTokenString.Pattern}\" or \"{BootstrapTokenString.IdPattern}\"");
    }
}
