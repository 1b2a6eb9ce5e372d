namespace Kubeadm.Cli.Tests;

public sealed class CertsCommandTests
{
    [Fact]
    public async Task Should_PrintA32ByteHexKey_When_CertificateKeyRuns()
    {
        var run = await new CliHarness().RunAsync("certs", "certificate-key");

        Assert.Equal(0, run.ExitCode);
        Assert.Matches("^[0-9a-f]{64}\n$", run.Output);
    }
}
