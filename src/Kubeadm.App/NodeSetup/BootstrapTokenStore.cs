using k8s.Models;
using Kubeadm.Core.BootstrapTokens;
using Kubeadm.Core.ClusterApi;
using Kubeadm.Core.Configuration;
using Kubeadm.Core.Errors;

namespace Kubeadm.App.NodeSetup;

/// <summary>Bootstrap tokens as kube-system Secrets: create or update, list and delete them through the cluster API.</summary>
public static class BootstrapTokenStore
{
    /// <summary>
    /// Stores each token (create, or replace an existing one); with <paramref name="failIfExists"/> (kubeadm token
    /// create) a token whose id is already taken is an error instead.
    /// </summary>
    public static async Task UpdateOrCreateAsync(
        IClusterApi api, IEnumerable<BootstrapToken> tokens, DateTimeOffset now, bool failIfExists, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(tokens);
        foreach (var token in tokens)
        {
            var secret = BootstrapTokenSecret.Encode(token, now);
            if (failIfExists)
            {
                var existing = await api.GetAsync<V1Secret>(BootstrapTokenSecret.Namespace, secret.Metadata.Name, cancellationToken).ConfigureAwait(false);
                if (existing is not null)
                {
                    throw new KubeadmUserException($"a token with id \"{secret.Metadata.Name[BootstrapTokenSecret.NamePrefix.Length..]}\" already exists");
                }
            }

            try
            {
                await api.CreateOrUpdateAsync(secret, cancellationToken).ConfigureAwait(false);
            }
            catch (ClusterApiException e)
            {
                throw new ClusterApiException(
                    $"failed to create or update bootstrap token with name {secret.Metadata.Name}: {e.Message}", e.StatusCode, e);
            }
        }
    }

    /// <summary>
    /// Every bootstrap token Secret in kube-system, decoded; a Secret that is not a valid token is reported through
    /// <paramref name="onInvalid"/> and skipped, as kubeadm does.
    /// </summary>
    public static async Task<IReadOnlyList<BootstrapTokenInfo>> ListAsync(IClusterApi api, Action<string> onInvalid, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(onInvalid);
        IReadOnlyList<V1Secret> secrets;
        try
        {
            secrets = await api.ListAsync<V1Secret>(BootstrapTokenSecret.Namespace, BootstrapTokenSecret.FieldSelector, cancellationToken).ConfigureAwait(false);
        }
        catch (ClusterApiException e)
        {
            throw new ClusterApiException($"failed to list bootstrap tokens: {e.Message}", e.StatusCode, e);
        }

        var tokens = new List<BootstrapTokenInfo>();
        foreach (var secret in secrets)
        {
            try
            {
                tokens.Add(BootstrapTokenSecret.Decode(secret));
            }
            catch (KubeadmUserException e)
            {
                onInvalid(e.Message);
            }
        }

        return tokens;
    }
}
