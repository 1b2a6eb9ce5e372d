using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using k8s;
using k8s.Models;
using Kubeadm.Core.ClusterApi;

namespace Kubeadm.App.ClusterApi;

/// <summary>
/// The REST calls kubeadm makes, over an HttpClient set up from a kubeconfig (<see cref="KubeconfigConnection"/>), with
/// bodies through <see cref="KubeJson"/>. The official client's generated methods and its configuration loader are not
/// used: both reach its serializer context, which holds every Kubernetes model type. Requests ask for HTTP/2 so that concurrent
/// calls share one connection. A response outside 2xx throws <see cref="KubeApiStatusException"/>.
/// </summary>
public sealed class KubeRestClient : IDisposable
{
    private const string JsonMediaType = "application/json";

    private readonly HttpClient _http;
    private readonly Uri _baseUri;
    private readonly Func<HttpRequestMessage, CancellationToken, Task>? _authorize;
    private readonly IDisposable? _owner;

    public KubeRestClient(HttpClient http, Uri baseUri, Func<HttpRequestMessage, CancellationToken, Task>? authorize = null, IDisposable? owner = null)
    {
        _http = http;
        _baseUri = baseUri;
        _authorize = authorize;
        _owner = owner;
    }

    public Task<T> CreateAsync<T>(T item, string namespaceName, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<V1ObjectMeta> =>
        SendAsync<T>(HttpMethod.Post, CollectionPath<T>(namespaceName), KubeJson.Serialize(item), JsonMediaType, cancellationToken);

    public Task<T> ReplaceAsync<T>(T item, string name, string namespaceName, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<V1ObjectMeta> =>
        SendAsync<T>(HttpMethod.Put, ItemPath<T>(namespaceName, name), KubeJson.Serialize(item), JsonMediaType, cancellationToken);

    public Task<T> GetAsync<T>(string name, string namespaceName, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<V1ObjectMeta> =>
        SendAsync<T>(HttpMethod.Get, ItemPath<T>(namespaceName, name), null, null, cancellationToken);

    public async Task<IReadOnlyList<T>> ListAsync<T>(string namespaceName, string? fieldSelector, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        var path = CollectionPath<T>(namespaceName);
        if (!string.IsNullOrEmpty(fieldSelector))
        {
            path += "?fieldSelector=" + Uri.EscapeDataString(fieldSelector);
        }

        using var response = await SendRawAsync(HttpMethod.Get, path, null, null, cancellationToken).ConfigureAwait(false);
        using var list = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false));
        if (!list.RootElement.TryGetProperty("items", out var items) || items.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        var typeInfo = KubeJson.TypeInfo<T>();
        return [.. items.EnumerateArray().Select(item => item.Deserialize(typeInfo)!)];
    }

    public async Task DeleteAsync<T>(string name, string namespaceName, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        using var response = await SendRawAsync(HttpMethod.Delete, ItemPath<T>(namespaceName, name), null, null, cancellationToken).ConfigureAwait(false);
    }

    public Task<V1Node> PatchNodeAsync(string name, string strategicMergePatch, CancellationToken cancellationToken) =>
        SendAsync<V1Node>(HttpMethod.Patch, ItemPath<V1Node>("", name), strategicMergePatch, "application/strategic-merge-patch+json", cancellationToken);

    /// <summary>PUT on the CSR's approval subresource.</summary>
    public Task<V1CertificateSigningRequest> ReplaceApprovalAsync(V1CertificateSigningRequest csr, string name, CancellationToken cancellationToken) =>
        SendAsync<V1CertificateSigningRequest>(HttpMethod.Put, ItemPath<V1CertificateSigningRequest>("", name) + "/approval", KubeJson.Serialize(csr), JsonMediaType, cancellationToken);

    /// <summary>GET /version: the API server's build information.</summary>
    public Task<VersionInfo> GetVersionAsync(CancellationToken cancellationToken) =>
        SendAsync<VersionInfo>(HttpMethod.Get, "/version", null, null, cancellationToken);

    public void Dispose() => _owner?.Dispose();

    private static string CollectionPath<T>(string namespaceName)
    {
        var resource = ApiResource.Of<T>();
        var root = resource.Group.Length == 0 ? $"/api/{resource.Version}" : $"/apis/{resource.Group}/{resource.Version}";
        return resource.Namespaced
            ? $"{root}/namespaces/{Uri.EscapeDataString(namespaceName)}/{resource.Resource}"
            : $"{root}/{resource.Resource}";
    }

    private static string ItemPath<T>(string namespaceName, string name) => $"{CollectionPath<T>(namespaceName)}/{Uri.EscapeDataString(name)}";

    private async Task<T> SendAsync<T>(HttpMethod method, string path, string? body, string? contentType, CancellationToken cancellationToken)
    {
        using var response = await SendRawAsync(method, path, body, contentType, cancellationToken).ConfigureAwait(false);
        // The body is read whole, then decoded synchronously: the API server's answers are small, and no asynchronous
        // JSON decoding anywhere in the binary spares the AOT image a set of async types for every model type.
        var json = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        return JsonSerializer.Deserialize(json, KubeJson.TypeInfo<T>())
            ?? throw new JsonException($"the API server answered {method} {path} with null");
    }

    private async Task<HttpResponseMessage> SendRawAsync(HttpMethod method, string path, string? body, string? contentType, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(_baseUri.ToString().TrimEnd('/') + path))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionOrLower,
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(JsonMediaType));
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType ?? JsonMediaType) { CharSet = "utf-8" };
        }

        if (_authorize is not null)
        {
            await _authorize(request, cancellationToken).ConfigureAwait(false);
        }

        var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            var content = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            throw new KubeApiStatusException((int)response.StatusCode, response.ReasonPhrase, content);
        }
    }
}

/// <summary>An API server answer outside 2xx: its status code, reason phrase and body (usually a Status object).</summary>
public sealed class KubeApiStatusException(int statusCode, string? reasonPhrase, string content)
    : Exception($"{statusCode} {reasonPhrase}: {content}")
{
    public int StatusCode { get; } = statusCode;

    public string? ReasonPhrase { get; } = reasonPhrase;

    public string Content { get; } = content;
}
