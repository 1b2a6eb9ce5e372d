using System.Net;
using System.Text.Json;
using k8s;
using k8s.Models;
using Kubeadm.Core.ClusterApi;

namespace Kubeadm.App.ClusterApi;

/// <summary>
/// <see cref="IClusterApi"/> over the API server's REST interface (<see cref="KubeRestClient"/>). Create-or-update follows kubeadm's idempotency helpers:
/// create, and on "already exists" read the current object and replace it (keeping its resourceVersion).
/// Errors come out as <see cref="ClusterApiException"/> with the HTTP status, for the retry layer to classify.
/// </summary>
public sealed class KubernetesClusterApi : IClusterApi, IDisposable
{
    private readonly KubeRestClient _client;

    public KubernetesClusterApi(KubeRestClient client) => _client = client;

    public async Task<T> CreateOrUpdateAsync<T>(T item, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(item);
        var ns = item.Metadata.NamespaceProperty ?? "";

        // The update below stamps the item with the version it read. When that update loses a race (409: a controller
        // such as the bootstrap signer changed the object in between) the retry layer calls again with the same item,
        // and the API server refuses a create that carries a resourceVersion, so every attempt starts without one.
        item.Metadata.ResourceVersion = null;
        try
        {
            return await Call(() => _client.CreateAsync(item, ns, cancellationToken), "create", item).ConfigureAwait(false);
        }
        catch (ClusterApiException e) when (e.StatusCode == (int)HttpStatusCode.Conflict)
        {
            var current = await Call(() => _client.GetAsync<T>(item.Metadata.Name, ns, cancellationToken), "get", item).ConfigureAwait(false);
            item.Metadata.ResourceVersion = current.Metadata.ResourceVersion;
            return await Call(() => _client.ReplaceAsync(item, item.Metadata.Name, ns, cancellationToken), "update", item).ConfigureAwait(false);
        }
        catch (ClusterApiException e) when (e.StatusCode == (int)HttpStatusCode.UnprocessableEntity && item is V1Service)
        {
            // A Service with a fixed clusterIP (kube-dns) that already exists is refused as Invalid ("provided IP is
            // already allocated") before the name is checked, so it never gets a 409. kubeadm's createDNSService
            // tolerates IsInvalid too and updates; if there is no such Service the create was really invalid.
            var current = await GetAsync<T>(ns, item.Metadata.Name, cancellationToken).ConfigureAwait(false);
            if (current is null)
            {
                throw;
            }

            item.Metadata.ResourceVersion = current.Metadata.ResourceVersion;
            return await Call(() => _client.ReplaceAsync(item, item.Metadata.Name, ns, cancellationToken), "update", item).ConfigureAwait(false);
        }
    }

    public async Task<T> CreateIfMissingAsync<T>(T item, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(item);
        var ns = item.Metadata.NamespaceProperty ?? "";
        try
        {
            return await Call(() => _client.CreateAsync(item, ns, cancellationToken), "create", item).ConfigureAwait(false);
        }
        catch (ClusterApiException e) when (e.StatusCode == (int)HttpStatusCode.Conflict)
        {
            return await Call(() => _client.GetAsync<T>(item.Metadata.Name, ns, cancellationToken), "get", item).ConfigureAwait(false);
        }
    }

    public async Task<T?> GetAsync<T>(string namespaceName, string name, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        try
        {
            return await Call(() => _client.GetAsync<T>(name, namespaceName, cancellationToken), "get", Describe<T>(namespaceName, name))
                .ConfigureAwait(false);
        }
        catch (ClusterApiException e) when (e.StatusCode == (int)HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task<IReadOnlyList<T>> ListAsync<T>(string namespaceName, string? fieldSelector, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        return await Call(
                () => _client.ListAsync<T>(namespaceName, fieldSelector, cancellationToken),
                "list",
                Describe<T>(namespaceName, ""))
            .ConfigureAwait(false);
    }

    public async Task<bool> DeleteAsync<T>(string namespaceName, string name, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        try
        {
            await Call(
                    async () =>
                    {
                        await _client.DeleteAsync<T>(name, namespaceName, cancellationToken).ConfigureAwait(false);
                        return true;
                    },
                    "delete",
                    Describe<T>(namespaceName, name))
                .ConfigureAwait(false);
            return true;
        }
        catch (ClusterApiException e) when (e.StatusCode == (int)HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    public async Task<string> GetServerVersionAsync(CancellationToken cancellationToken)
    {
        var info = await Call(() => _client.GetVersionAsync(cancellationToken), "get", "the server version (/version)").ConfigureAwait(false);
        return info.GitVersion;
    }

    public Task<V1Node> PatchNodeAsync(string name, string strategicMergePatch, CancellationToken cancellationToken) =>
        Call(
            () => _client.PatchNodeAsync(name, strategicMergePatch, cancellationToken),
            "patch",
            $"nodes \"{name}\"");

    public Task<V1CertificateSigningRequest> ApproveCertificateSigningRequestAsync(
        V1CertificateSigningRequest csr, string reason, string message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(csr);
        var name = csr.Metadata.Name;

        // managedFields (free-form JSON) need not travel: the server ignores them on this call.
        csr.Metadata.ManagedFields = null;
        var approved = CsrApproval.Approve(csr, reason, message, DateTime.UtcNow);
        return Call(
            () => _client.ReplaceApprovalAsync(approved, name, cancellationToken),
            "approve",
            $"certificatesigningrequests \"{name}\"");
    }

    public void Dispose() => _client.Dispose();

    private static Task<TResult> Call<TResult, TItem>(Func<Task<TResult>> call, string verb, TItem item)
        where TItem : class, IKubernetesObject<V1ObjectMeta> =>
        Call(call, verb, Describe<TItem>(item.Metadata?.NamespaceProperty ?? "", item.Metadata?.Name ?? ""));

    private static async Task<TResult> Call<TResult>(Func<Task<TResult>> call, string verb, string what)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (KubeApiStatusException e)
        {
            throw new ClusterApiException($"unable to {verb} {what}: {e.StatusCode} {e.ReasonPhrase}: {Trim(e.Content)}", e.StatusCode, e);
        }
        catch (HttpRequestException e)
        {
            throw new ClusterApiException($"unable to {verb} {what}: {e.Message}", 0, e);
        }
        catch (JsonException e)
        {
            throw new ClusterApiException($"unable to {verb} {what}: the API server's answer could not be read: {e.Message}", ClusterApiException.UnreadableAnswer, e);
        }
    }

    private static string Describe<T>(string namespaceName, string name)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        var resource = ApiResource.Of<T>().Resource;
        var target = name.Length == 0 ? resource : $"{resource} \"{name}\"";
        return namespaceName.Length == 0 ? target : $"{target} in namespace \"{namespaceName}\"";
    }

    private static string Trim(string? content) =>
        content is null ? "" : content.Length <= 300 ? content : content[..300] + "…";
}
