using Kubeadm.Core.Join;

namespace Kubeadm.Cli.Tests;

public sealed class JoinCommandTests
{
    private const string Token = "abcdef.0123456789abcdef";

    [Fact]
    public async Task Should_PrintTheJoinDefaults_When_ConfigPrintJoinDefaults()
    {
        var run = await new CliHarness().RunAsync("config", "print", "join-defaults");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("kind: JoinConfiguration", run.Output, StringComparison.Ordinal);
        Assert.Contains("apiServerEndpoint: kube-apiserver:6443", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_ListTheJoinPhases_When_AskedForHelp()
    {
        var run = await new CliHarness().RunAsync("join", "--help");

        Assert.Equal(0, run.ExitCode);
        foreach (var line in new[] { "preflight", "control-plane-prepare", "/download-certs", "kubelet-start", "control-plane-join", "/mark-control-plane", "wait-control-plane", "--discovery-token-ca-cert-hash", "--certificate-key" })
        {
            Assert.Contains(line, run.Output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Should_RefuseWithoutWritingAnything_When_TokenDiscoveryHasNoCaPinAndNoUnsafeSkip()
    {
        var harness = new CliHarness();

        var run = await harness.RunAsync("join", "10.0.0.1:6443", "--token", Token);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("using token-based discovery without caCertHashes can be unsafe", run.Error, StringComparison.Ordinal);
        Assert.Empty(harness.FileSystem.ListAllFiles());
    }

    [Fact]
    public async Task Should_RefuseToMixTheConfigFileWithDiscoveryFlags_When_BothAreGiven()
    {
        var harness = new CliHarness().WithUserFile("/join.yaml", "apiVersion: kubeadm.k8s.io/v1beta4\nkind: JoinConfiguration\n");

        var run = await harness.RunAsync("join", "--config", "/join.yaml", "--token", Token, "--control-plane");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("can not mix '--config' with arguments [control-plane token]", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_ReportEveryFlagErrorAtOnce_When_SeveralAreWrong()
    {
        var run = await new CliHarness().RunAsync(
            "join", "10.0.0.1", "--token", "nope", "--discovery-token-ca-cert-hash", "sha256:abcd", "--control-plane", "--certificate-key", "xyz");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("missing port in address", run.Error, StringComparison.Ordinal);
        Assert.Contains("the bootstrap token is invalid", run.Error, StringComparison.Ordinal);
        Assert.Contains("expected a 32 byte SHA-256 hash, found 2 bytes", run.Error, StringComparison.Ordinal);
        Assert.Contains("certificate key decoding error", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_FailFastNamingThePinnedKeys_When_TheCaHashDoesNotMatch()
    {
        var ca = SignedClusterInfo.NewCa();
        var harness = new CliHarness { ClusterInfo = new SignedClusterInfo(ca, Token) };

        var run = await harness.RunAsync("join", "10.0.0.1:6443", "--token", Token, "--discovery-token-ca-cert-hash", "sha256:" + new string('0', 64),
            "--ignore-preflight-errors=all");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("couldn't validate the identity of the API Server: cluster CA found in cluster-info ConfigMap is invalid: none of the public keys", run.Error, StringComparison.Ordinal);
        Assert.Contains(CaCertificatePin.Hash(ca), run.Error, StringComparison.Ordinal);
        Assert.Empty(harness.FileSystem.ListAllFiles());
    }

    [Fact]
    public async Task Should_FailFastSayingTheTokenIsUnknown_When_ClusterInfoHasNoSignatureForIt()
    {
        var harness = new CliHarness { ClusterInfo = new SignedClusterInfo(SignedClusterInfo.NewCa(), "zzzzzz.0123456789abcdef") };

        var run = await harness.RunAsync("join", "10.0.0.1:6443", "--token", Token, "--discovery-token-unsafe-skip-ca-verification",
            "--ignore-preflight-errors=all");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("token id \"abcdef\" is invalid for this cluster or it has expired", run.Error, StringComparison.Ordinal);
        Assert.Empty(harness.FileSystem.ListAllFiles());
    }
}
