using System.Net;
using System.Text;
using k8s.Models;
using Kubeadm.App.ClusterApi;
using Kubeadm.Core.ClusterApi;

namespace Kubeadm.App.Tests.ClusterApi;

public sealed class KubernetesClusterApiTests
{
    private const string AlreadyAllocated =
        """{"kind":"Status","apiVersion":"v1","status":"Failure","message":"Service \"kube-dns\" is invalid: spec.clusterIPs: Invalid value: []string{\"10.96.0.10\"}: failed to allocated ip:10.96.0.10 with error:provided IP is already allocated","reason":"Invalid","code":422}""";

    private static V1Service KubeDns() => new()
    {
        ApiVersion = "v1",
        Kind = "Service",
        Metadata = new V1ObjectMeta { Name = "kube-dns", NamespaceProperty = "kube-system" },
        Spec = new V1ServiceSpec { ClusterIP = "10.96.0.10" },
    };

    [Fact]
    public async Task Should_UpdateTheService_When_CreateIsRefusedBecauseItsClusterIpIsTaken()
    {
        // What a real API server answers when kube-dns exists: 422 on create (the IP is checked before the name).
        var server = new CannedApiServer()
            .On("POST", "/api/v1/namespaces/kube-system/services", HttpStatusCode.UnprocessableEntity, AlreadyAllocated)
            .On("GET", "/api/v1/namespaces/kube-system/services/kube-dns", HttpStatusCode.OK,
                """{"apiVersion":"v1","kind":"Service","metadata":{"name":"kube-dns","namespace":"kube-system","resourceVersion":"42"},"spec":{"clusterIP":"10.96.0.10"}}""")
            .On("PUT", "/api/v1/namespaces/kube-system/services/kube-dns", HttpStatusCode.OK,
                """{"apiVersion":"v1","kind":"Service","metadata":{"name":"kube-dns","namespace":"kube-system","resourceVersion":"43"},"spec":{"clusterIP":"10.96.0.10"}}""");
        using var api = server.Api();

        var stored = await api.CreateOrUpdateAsync(KubeDns(), CancellationToken.None);

        Assert.Equal("43", stored.Metadata.ResourceVersion);
        Assert.Equal(["POST", "GET", "PUT"], server.Requests.Select(r => r.Method));
        Assert.Contains("\"resourceVersion\":\"42\"", server.Requests[2].Body);
    }

    [Fact]
    public async Task Should_FailAtOnce_When_TheAnswerIsNotJson()
    {
        // Something that speaks HTTPS but is no API server (a web server, a proxy's page) at the kubeconfig's address.
        var server = new CannedApiServer()
            .On("GET", "/api/v1/namespaces/kube-system/secrets", HttpStatusCode.OK, "<html><body>It works!</body></html>");
        using var inner = server.Api();
        var api = new RetryingClusterApi(inner, TimeSpan.FromMinutes(1), TimeProvider.System);

        var error = await Assert.ThrowsAsync<ClusterApiException>(() => api.ListAsync<V1Secret>("kube-system", null, CancellationToken.None));

        Assert.Equal(ClusterApiException.UnreadableAnswer, error.StatusCode);
        Assert.Contains("the API server's answer could not be read", error.Message);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Should_ReportTheInvalidService_When_NoneExists()
    {
        var server = new CannedApiServer()
            .On("POST", "/api/v1/namespaces/kube-system/services", HttpStatusCode.UnprocessableEntity, AlreadyAllocated)
            .On("GET", "/api/v1/namespaces/kube-system/services/kube-dns", HttpStatusCode.NotFound,
                """{"kind":"Status","apiVersion":"v1","status":"Failure","reason":"NotFound","code":404}""");
        using var api = server.Api();

        var error = await Assert.ThrowsAsync<ClusterApiException>(() => api.CreateOrUpdateAsync(KubeDns(), CancellationToken.None));

        Assert.Equal(422, error.StatusCode);
        Assert.Contains("provided IP is already allocated", error.Message);
    }

    [Fact]
    public async Task Should_NotRetryAsAnUpdate_When_AnotherKindIsInvalid()
    {
        var server = new CannedApiServer()
            .On("POST", "/api/v1/namespaces/kube-system/configmaps", HttpStatusCode.UnprocessableEntity,
                """{"kind":"Status","apiVersion":"v1","status":"Failure","message":"invalid","reason":"Invalid","code":422}""");
        using var api = server.Api();
        var configMap = new V1ConfigMap { ApiVersion = "v1", Kind = "ConfigMap", Metadata = new V1ObjectMeta { Name = "x", NamespaceProperty = "kube-system" } };

        var error = await Assert.ThrowsAsync<ClusterApiException>(() => api.CreateOrUpdateAsync(configMap, CancellationToken.None));

        Assert.Equal(422, error.StatusCode);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Should_AskForHttp2_So_ConcurrentWritesShareTheRunsOneConnection()
    {
        // The later phases issue their writes at once over one client: HTTP/2 (the API server offers it over TLS)
        // carries them side by side on one connection, where HTTP/1.1 would open one connection per write in flight.
        var server = new CannedApiServer()
            .On("POST", "/api/v1/namespaces/kube-system/services", HttpStatusCode.Created,
                """{"apiVersion":"v1","kind":"Service","metadata":{"name":"kube-dns","namespace":"kube-system"}}""");
        using var api = server.Api();

        await api.CreateOrUpdateAsync(KubeDns(), CancellationToken.None);

        Assert.Equal(HttpVersion.Version20, Assert.Single(server.Requests).Version);
    }

    [Fact]
    public async Task Should_CreateWithoutAResourceVersion_When_RetriedAfterAnUpdateLostARace()
    {
        // init's bootstrap-token phase against a live controller-manager: cluster-info exists, the bootstrap signer
        // re-signs it between our read and our update (409), and the retry layer calls again with the same object.
        const string path = "/api/v1/namespaces/kube-public/configmaps";
        const string conflict = """{"kind":"Status","apiVersion":"v1","status":"Failure","reason":"Conflict","code":409}""";
        var server = new CannedApiServer()
            .On("POST", path, HttpStatusCode.Conflict, conflict)
            .On("GET", path + "/cluster-info", HttpStatusCode.OK, ClusterInfo("7"))
            .On("GET", path + "/cluster-info", HttpStatusCode.OK, ClusterInfo("8"))
            .On("PUT", path + "/cluster-info", HttpStatusCode.Conflict, conflict)
            .On("PUT", path + "/cluster-info", HttpStatusCode.OK, ClusterInfo("9"));
        using var api = server.Api();
        var retrying = new RetryingClusterApi(api, TimeSpan.FromSeconds(30), TimeProvider.System, TimeSpan.FromMilliseconds(1));
        var configMap = new V1ConfigMap
        {
            ApiVersion = "v1",
            Kind = "ConfigMap",
            Metadata = new V1ObjectMeta { Name = "cluster-info", NamespaceProperty = "kube-public" },
            Data = new Dictionary<string, string> { ["kubeconfig"] = "x" },
        };

        var stored = await retrying.CreateOrUpdateAsync(configMap, CancellationToken.None);

        Assert.Equal("9", stored.Metadata.ResourceVersion);
        Assert.Equal(["POST", "GET", "PUT", "POST", "GET", "PUT"], server.Requests.Select(r => r.Method));
        Assert.All(server.Requests.Where(r => r.Method == "POST"), r => Assert.DoesNotContain("resourceVersion", r.Body));
        Assert.Contains("\"resourceVersion\":\"8\"", server.Requests[5].Body);

        static string ClusterInfo(string version) =>
            $$$"""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"cluster-info","namespace":"kube-public","resourceVersion":"{{{version}}}"}}""";
    }

    /// <summary>Answers each method and path with its canned responses in order; the last one repeats.</summary>
    private sealed class CannedApiServer : DelegatingHandler
    {
        private readonly Dictionary<(string, string), Queue<(HttpStatusCode, string)>> _answers = [];

        public List<(string Method, string Path, string Body, Version Version)> Requests { get; } = [];

        public CannedApiServer On(string method, string path, HttpStatusCode status, string body)
        {
            if (!_answers.TryGetValue((method, path), out var queue))
            {
                _answers[(method, path)] = queue = new Queue<(HttpStatusCode, string)>();
            }

            queue.Enqueue((status, body));
            return this;
        }

        public KubernetesClusterApi Api() =>
            new(new KubeRestClient(new HttpClient(this), new Uri("http://127.0.0.1:1")));

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
            Requests.Add((request.Method.Method, request.RequestUri!.AbsolutePath, body, request.Version));
            var (status, answer) = _answers.TryGetValue((request.Method.Method, request.RequestUri.AbsolutePath), out var queue)
                ? (queue.Count > 1 ? queue.Dequeue() : queue.Peek())
                : (HttpStatusCode.NotFound, """{"kind":"Status","code":404}""");
            return new HttpResponseMessage(status) { Content = new StringContent(answer, Encoding.UTF8, "application/json"), RequestMessage = request };
        }
    }
}
