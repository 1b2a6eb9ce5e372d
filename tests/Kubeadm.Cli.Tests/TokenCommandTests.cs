using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.RegularExpressions;
using k8s.Models;
using Kubeadm.App.Init;
using Kubeadm.Core.BootstrapTokens;
using Kubeadm.Core.ClusterApi;
using Kubeadm.Core.Configuration;
using Kubeadm.Core.Host;
using Kubeadm.Core.Join;
using Kubeadm.Core.KubeConfig;
using Kubeadm.Core.Pki;

namespace Kubeadm.Cli.Tests;

public sealed class TokenCommandTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly InMemoryFileSystem _fileSystem = new();
    private readonly InMemoryClusterApi _api = new();
    private readonly List<string> _kubeconfigsUsed = [];

    private async Task<CliRun> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var environment = new InitEnvironment
        {
            Out = output,
            Err = error,
            FileSystemFor = _ => _fileSystem,
            HostInfoFor = _ => new FixedHostInfo("node-a", IPAddress.Parse("10.0.0.7")),
            ServiceManager = () => new RecordingServiceManager(),
            Random = new SeededRandomSource(42),
            Clock = new StoppedClock(Now),
            GetEnvironmentVariable = _ => null,
            ClusterClientFor = (_, path) =>
            {
                _kubeconfigsUsed.Add(path);
                return _api;
            },
        };
        var exitCode = await KubeadmCli.RunAsync(args, environment);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    private void SeedToken(string token, string description = "", DateTimeOffset? expires = null, TimeSpan? ttl = null, params string[] groups) =>
        _api.Seed(BootstrapTokenSecret.Encode(
            new BootstrapToken { Token = token, Description = description, Expires = expires, Ttl = ttl, Usages = ["signing", "authentication"], Groups = [.. groups] }, Now));

    private static Dictionary<string, string> Data(V1Secret secret) => secret.Data.ToDictionary(e => e.Key, e => Encoding.UTF8.GetString(e.Value));

    [Fact]
    public async Task Should_PrintARandomTokenWithoutTheCluster_When_Generating()
    {
        var run = await RunAsync("token", "generate");

        Assert.Equal(0, run.ExitCode);
        Assert.Matches(new Regex(@"\A[a-z0-9]{6}\.[a-z0-9]{16}\n\z"), run.Output.ReplaceLineEndings("\n"));
        Assert.Empty(_api.Requests);
    }

    [Fact]
    public async Task Should_StoreTheTokenWithKubeadmsDefaultsAndPrintIt_When_CreatingWithoutFlags()
    {
        var run = await RunAsync("token", "create", "abcdef.0123456789abcdef");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("abcdef.0123456789abcdef\n", run.Output.ReplaceLineEndings("\n"));
        Assert.Equal(["/etc/kubernetes/admin.conf"], _kubeconfigsUsed);
        var secret = (await _api.GetAsync<V1Secret>("kube-system", "bootstrap-token-abcdef", CancellationToken.None))!;
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["token-id"] = "abcdef",
                ["token-secret"] = "0123456789abcdef",
                ["expiration"] = "2025-03-02T12:00:00Z",
                ["usage-bootstrap-signing"] = "true",
                ["usage-bootstrap-authentication"] = "true",
                ["auth-extra-groups"] = "system:bootstrappers:kubeadm:default-node-token",
            },
            Data(secret));
    }

    [Fact]
    public async Task Should_StoreTtlUsagesGroupsAndDescription_When_GivenAsFlags()
    {
        var run = await RunAsync(
            "token", "create", "--ttl", "2h", "--usages", "authentication", "--groups", "system:bootstrappers:a,system:bootstrappers:b",
            "--description", "for workers", "--kubeconfig", "/root/other.conf");

        Assert.Equal(0, run.ExitCode);
        var token = run.Output.Trim();
        var data = Data((await _api.GetAsync<V1Secret>("kube-system", "bootstrap-token-" + token[..6], CancellationToken.None))!);
        Assert.Equal("2025-03-01T14:00:00Z", data["expiration"]);
        Assert.Equal("for workers", data["description"]);
        Assert.Equal("system:bootstrappers:a,system:bootstrappers:b", data["auth-extra-groups"]);
        Assert.Equal(["auth-extra-groups", "description", "expiration", "token-id", "token-secret", "usage-bootstrap-authentication"], data.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["/root/other.conf"], _kubeconfigsUsed);
    }

    [Fact]
    public async Task Should_ReadTheKubeconfigFromTheWorkingDirectory_When_ItsPathIsRelative()
    {
        var run = await RunAsync("token", "list", "--kubeconfig", "clusters/admin.conf");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal([Path.Combine(Environment.CurrentDirectory, "clusters", "admin.conf")], _kubeconfigsUsed);
    }

    [Fact]
    public async Task Should_PrintTheJoinCommandOnOneLine_When_PrintJoinCommandIsGiven()
    {
        var ca = WriteAdminConf();

        var worker = await RunAsync("token", "create", "abcdef.0123456789abcdef", "--print-join-command");
        var controlPlane = await RunAsync("token", "create", "bbbbbb.0123456789abcdef", "--print-join-command", "--certificate-key", "k3y");

        var hash = CaCertificatePin.Hash(ca);
        Assert.Equal($"kubeadm join 10.0.0.1:6443 --token abcdef.0123456789abcdef --discovery-token-ca-cert-hash {hash} \n", worker.Output.ReplaceLineEndings("\n"));
        Assert.Equal(
            $"kubeadm join 10.0.0.1:6443 --token bbbbbb.0123456789abcdef --discovery-token-ca-cert-hash {hash} --control-plane --certificate-key k3y\n",
            controlPlane.Output.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Should_Fail_When_TheTokenIdIsTaken()
    {
        SeedToken("abcdef.0123456789abcdef");

        var run = await RunAsync("token", "create", "abcdef.fedcba9876543210");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("a token with id \"abcdef\" already exists", run.Error);
        Assert.DoesNotContain("fedcba9876543210", run.Error + run.Output);
    }

    [Fact]
    public async Task Should_RefuseTheKeyAlone_When_PrintJoinCommandIsMissing()
    {
        var run = await RunAsync("token", "create", "--certificate-key", "k3y");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("cannot use --certificate-key without --print-join-command", run.Error);
        Assert.Empty(_api.Requests);
    }

    [Fact]
    public async Task Should_PrintKubeadmsTable_When_ListingAsText()
    {
        SeedToken("abcdef.0123456789abcdef", "The default bootstrap token generated by 'kubeadm init'.", ttl: TimeSpan.FromHours(24), groups: "system:bootstrappers:kubeadm:default-node-token");
        SeedToken("zzzzzz.0123456789abcdef", ttl: TimeSpan.Zero);

        var run = await RunAsync("token", "list");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            "TOKEN                     TTL         EXPIRES                USAGES                   DESCRIPTION                                                EXTRA GROUPS\n" +
            "abcdef.0123456789abcdef   1d          2025-03-02T12:00:00Z   authentication,signing   The default bootstrap token generated by 'kubeadm init'.   system:bootstrappers:kubeadm:default-node-token\n" +
            "zzzzzz.0123456789abcdef   <forever>   <never>   authentication,signing   <none>                                                     <none>\n",
            run.Output.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Should_PrintOutputApiObjects_When_ListingAsJsonOrYaml()
    {
        SeedToken("abcdef.0123456789abcdef", "d", ttl: TimeSpan.FromHours(1), groups: "system:bootstrappers:x");
        SeedToken("zzzzzz.0123456789abcdef", ttl: TimeSpan.Zero);

        var json = await RunAsync("token", "list", "-o", "json");
        var yaml = await RunAsync("token", "list", "--output", "yaml");

        Assert.Equal(
            """
            {
                "kind": "BootstrapToken",
                "apiVersion": "output.kubeadm.k8s.io/v1alpha3",
                "token": "abcdef.0123456789abcdef",
                "description": "d",
                "expires": "2025-03-01T13:00:00Z",
                "usages": [
                    "authentication",
                    "signing"
                ],
                "groups": [
                    "system:bootstrappers:x"
                ]
            }
            {
                "kind": "BootstrapToken",
                "apiVersion": "output.kubeadm.k8s.io/v1alpha3",
                "token": "zzzzzz.0123456789abcdef",
                "usages": [
                    "authentication",
                    "signing"
                ]
            }

            """.ReplaceLineEndings("\n"),
            json.Output.ReplaceLineEndings("\n"));
        Assert.Equal(
            """
            apiVersion: output.kubeadm.k8s.io/v1alpha3
            description: d
            expires: "2025-03-01T13:00:00Z"
            groups:
            - system:bootstrappers:x
            kind: BootstrapToken
            token: abcdef.0123456789abcdef
            usages:
            - authentication
            - signing
            ---
            apiVersion: output.kubeadm.k8s.io/v1alpha3
            kind: BootstrapToken
            token: zzzzzz.0123456789abcdef
            usages:
            - authentication
            - signing

            """.ReplaceLineEndings("\n"),
            yaml.Output.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Should_PrintNothing_When_ThereAreNoTokens()
    {
        var run = await RunAsync("token", "list");

        Assert.Equal((0, ""), (run.ExitCode, run.Output));
    }

    [Fact]
    public async Task Should_DeleteByIdOrFullTokenAndNameOnlyTheId_When_Deleting()
    {
        SeedToken("abcdef.0123456789abcdef");
        SeedToken("zzzzzz.0123456789abcdef");

        var run = await RunAsync("token", "delete", "abcdef", "zzzzzz.0123456789abcdef");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("bootstrap token \"abcdef\" deleted\nbootstrap token \"zzzzzz\" deleted\n", run.Output.ReplaceLineEndings("\n"));
        Assert.Empty(await _api.ListAsync<V1Secret>("kube-system", null, CancellationToken.None));
    }

    [Fact]
    public async Task Should_FailNamingTheId_When_DeletingAMissingToken()
    {
        var run = await RunAsync("token", "delete", "abcdef");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("failed to delete bootstrap token \"abcdef\"", run.Error);
    }

    [Fact]
    public async Task Should_RejectMalformedValues_When_Deleting()
    {
        var run = await RunAsync("token", "delete", "not-a-token");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("given token didn't match pattern", run.Error);
    }

    private X509Certificate2 WriteAdminConf()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=kubernetes", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        var ca = request.CreateSelfSigned(Now.AddMinutes(-5), Now.AddYears(10));
        var kubeconfig = KubeconfigBuilder.WithClientCertificate("https://10.0.0.1:6443", "kubernetes", "kubernetes-admin", PemCodec.EncodeCertificates(ca), "C"u8, "K"u8);
        _fileSystem.WriteAllText("/etc/kubernetes/admin.conf", KubeconfigYamlWriter.Write(kubeconfig), FileModes.Private);
        return ca;
    }

    private sealed class StoppedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
