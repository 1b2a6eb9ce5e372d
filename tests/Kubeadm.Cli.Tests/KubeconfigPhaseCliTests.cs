using System.Security.Cryptography;
using Kubeadm.Core.Host;
using Kubeadm.Core.Pki;

namespace Kubeadm.Cli.Tests;

public sealed class KubeconfigPhaseCliTests
{
    private static readonly string[] Files = ["admin.conf", "super-admin.conf", "kubelet.conf", "controller-manager.conf", "scheduler.conf"];

    [Fact]
    public async Task Should_WriteEveryKubeconfig_When_AllRunsWithACa()
    {
        var harness = new CliHarness();
        WriteCa(harness.FileSystem);

        var run = await harness.RunAsync("init", "phase", "kubeconfig", "all", "--apiserver-advertise-address", "10.0.0.1", "--node-name", "n1");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(
            "[kubeconfig] Using kubeconfig folder \"/etc/kubernetes\"\n"
            + string.Concat(Files.Select(f => $"[kubeconfig] Writing \"{f}\" kubeconfig file\n")),
            run.Output.ReplaceLineEndings("\n"),
            StringComparison.Ordinal);
        foreach (var file in Files)
        {
            Assert.Equal(FileModes.Private, harness.FileSystem.GetMode("/etc/kubernetes/" + file));
        }

        Assert.Contains("current-context: system:node:n1@kubernetes", harness.FileSystem.ReadAllText("/etc/kubernetes/kubelet.conf"), StringComparison.Ordinal);
        Assert.Contains("server: https://10.0.0.1:6443", harness.FileSystem.ReadAllText("/etc/kubernetes/admin.conf"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_FailAskingForCertsCa_When_AllRunsWithoutACa()
    {
        var harness = new CliHarness();

        var run = await harness.RunAsync("init", "phase", "kubeconfig", "all", "--apiserver-advertise-address", "10.0.0.1");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(
            "error execution phase kubeconfig/admin: the CA files do not exist, please run `kubeadm init phase certs ca` to generate it",
            run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(harness.FileSystem.ListAllFiles(), f => f.EndsWith(".conf", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_NotAnnounceFolder_When_OneSubPhaseRuns()
    {
        var harness = new CliHarness();
        WriteCa(harness.FileSystem);

        var run = await harness.RunAsync("init", "phase", "kubeconfig", "scheduler", "--apiserver-advertise-address", "10.0.0.1");

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain("Using kubeconfig folder", run.Output, StringComparison.Ordinal);
        Assert.Contains("[kubeconfig] Writing \"scheduler.conf\" kubeconfig file", run.Output, StringComparison.Ordinal);
        Assert.Equal(["/etc/kubernetes/scheduler.conf"], harness.FileSystem.ListAllFiles().Where(f => f.EndsWith(".conf", StringComparison.Ordinal)));
    }

    private static void WriteCa(InMemoryFileSystem fileSystem)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var now = DateTimeOffset.UtcNow;
        using var ca = CertificateSigner.Issue(
            new CertificateSpec { CommonName = "kubernetes", IsCa = true, NotBefore = now.AddMinutes(-5), NotAfter = now.AddYears(10) }, key, null);
        fileSystem.WriteFile("/etc/kubernetes/pki/ca.crt", PemCodec.EncodeCertificates(ca), FileModes.Public);
        fileSystem.WriteFile("/etc/kubernetes/pki/ca.key", PemCodec.EncodePrivateKey(key), FileModes.Private);
    }
}
