using k8s.KubeConfigModels;
using Kubeadm.App.ClusterApi;
using Kubeadm.Core.Errors;

namespace Kubeadm.App.Tests.ClusterApi;

public sealed class KubeconfigConnectionTests
{
    private static K8SConfiguration Kubeconfig(UserCredentials user, string server = "https://10.0.0.7:6443", string currentContext = "ctx") => new()
    {
        CurrentContext = currentContext,
        Clusters = [new Cluster { Name = "kubernetes", ClusterEndpoint = new ClusterEndpoint { Server = server, SkipTlsVerify = true } }],
        Users = [new User { Name = "admin", UserCredentials = user }],
        Contexts = [new Context { Name = "ctx", ContextDetails = new ContextDetails { Cluster = "kubernetes", User = "admin" } }],
    };

    [Fact]
    public async Task Should_SendTheBearerToken_When_TheUserHasOne()
    {
        var seen = new List<string?>();
        using var listener = new System.Net.HttpListener();
        var port = FreePort();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        var serve = Task.Run(async () =>
        {
            var context = await listener.GetContextAsync();
            seen.Add(context.Request.Headers["Authorization"]);
            var body = """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"cluster-info","namespace":"kube-public"},"data":{"a":"b"}}"""u8.ToArray();
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(body);
            context.Response.Close();
        });
        using var client = KubeconfigConnection.Create(
            Kubeconfig(new UserCredentials { Token = "abcdef.0123456789abcdef" }, $"http://127.0.0.1:{port}"), "bootstrap", readFile: null);

        var configMap = await client.GetAsync<k8s.Models.V1ConfigMap>("cluster-info", "kube-public", CancellationToken.None);
        await serve;

        Assert.Equal("b", configMap.Data["a"]);
        Assert.Equal("Bearer abcdef.0123456789abcdef", Assert.Single(seen));
    }

    [Theory]
    [InlineData("exec")]
    [InlineData("password")]
    public void Should_RefuseTheUser_When_ItAuthenticatesAsKubeadmNeverDoes(string kind)
    {
        var user = kind == "exec"
            ? new UserCredentials { ExternalExecution = new ExternalExecution { Command = "aws", ApiVersion = "client.authentication.k8s.io/v1" } }
            : new UserCredentials { UserName = "admin", Password = "secret" };

        var error = Assert.Throws<KubeadmUserException>(() => KubeconfigConnection.Create(Kubeconfig(user), "/etc/kubernetes/admin.conf", readFile: null));

        Assert.Contains("couldn't create a Kubernetes client from file \"/etc/kubernetes/admin.conf\"", error.Message);
        Assert.Contains("client certificate or a token", error.Message);
    }

    [Fact]
    public void Should_NameTheMissingContext_When_CurrentContextIsUnknown()
    {
        var error = Assert.Throws<KubeadmUserException>(() =>
            KubeconfigConnection.Create(Kubeconfig(new UserCredentials { Token = "t" }, currentContext: "other"), "admin.conf", readFile: null));

        Assert.Contains("it has no current context (current-context \"other\")", error.Message);
    }

    [Fact]
    public void Should_SayWhichFileItCouldNotRead_When_TheClientCertificateIsMissing()
    {
        var user = new UserCredentials { ClientCertificate = "/var/lib/kubelet/pki/kubelet-client-current.pem", ClientKey = "/var/lib/kubelet/pki/kubelet-client-current.pem" };

        var error = Assert.Throws<KubeadmUserException>(() => KubeconfigConnection.Create(
            Kubeconfig(user), "/etc/kubernetes/kubelet.conf", path => throw new FileNotFoundException($"Could not find file '{path}'.")));

        Assert.Contains("reading client-certificate \"/var/lib/kubelet/pki/kubelet-client-current.pem\"", error.Message);
    }

    private static int FreePort()
    {
        using var socket = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        socket.Start();
        return ((System.Net.IPEndPoint)socket.LocalEndpoint).Port;
    }
}
