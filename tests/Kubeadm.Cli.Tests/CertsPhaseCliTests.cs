namespace Kubeadm.Cli.Tests;

public sealed class CertsPhaseCliTests
{
    private const string DryRunPki = "/etc/kubernetes/tmp/kubeadm-init-dryrun";

    [Fact]
    public async Task Should_WriteFlatIntoTheDryRunDirectoryAndPrintNoCertificateOrKey_When_CertsAllRunsInDryRun()
    {
        var harness = new CliHarness();

        var run = await harness.RunAsync("init", "phase", "certs", "all", "--dry-run", "--apiserver-advertise-address", "10.0.0.1", "--node-name", "n1");

        Assert.Equal(0, run.ExitCode);
        Assert.Matches("\\[certs\\] Using certificateDir folder \"/etc/kubernetes/tmp/kubeadm-init-dryrun[0-9]+\"\n", run.Output);
        Assert.Contains("[certs] Generating \"etcd/ca\" certificate and key\n", run.Output);
        Assert.Contains("[certs] Generating \"sa\" key and public key\n", run.Output);
        Assert.DoesNotContain("[dryrun] Would write file", run.Output);
        Assert.DoesNotContain("-----BEGIN", run.Output);
        var files = harness.FileSystem.ListAllFiles();
        Assert.All(files, f => Assert.Matches("^" + DryRunPki + "[0-9]+/(etcd/)?[a-z-]+\\.(crt|key|pub)$", f));
        Assert.Contains(files, f => f.EndsWith("/etcd/peer.key", StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith("/sa.pub", StringComparison.Ordinal));
        Assert.Equal(22, files.Count);
    }

    [Fact]
    public async Task Should_FailNamingTheMissingCa_When_ApiServerRunsWithoutCa()
    {
        var harness = new CliHarness();

        var run = await harness.RunAsync("init", "phase", "certs", "apiserver", "--apiserver-advertise-address", "10.0.0.1");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(
            "error execution phase certs/apiserver: couldn't load CA certificate ca: couldn't load ca certificate authority from /etc/kubernetes/pki: "
            + "/etc/kubernetes/pki/ca.crt does not exist; create it first (kubeadm init phase certs ca)",
            run.Error);
        Assert.Empty(harness.FileSystem.ListAllFiles());
    }
}
