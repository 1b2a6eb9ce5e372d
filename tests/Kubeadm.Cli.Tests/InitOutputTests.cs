using System.Text.Json;

namespace Kubeadm.Cli.Tests;

public sealed class InitOutputTests
{
    [Fact]
    public async Task Should_PrintOnlyTheStructuredResultOnStdout_When_OutputIsJson()
    {
        var run = await new CliHarness().RunAsync("init", "--dry-run", "--skip-phases", "preflight", "--upload-certs", "-o", "json");

        Assert.True(run.ExitCode == 0, run.Error);
        using var document = JsonDocument.Parse(run.Output);
        var root = document.RootElement;
        Assert.True(root.GetProperty("succeeded").GetBoolean());
        Assert.True(root.GetProperty("dryRun").GetBoolean());
        Assert.Equal("v1.34.2", root.GetProperty("kubernetesVersion").GetString());
        Assert.Equal("192.168.10.20:6443", root.GetProperty("apiServerEndpoint").GetString());
        Assert.Matches("^sha256:[0-9a-f]{64}$", root.GetProperty("caCertHashes")[0].GetString());
        Assert.Matches("^[a-z0-9]{6}\\.[a-z0-9]{16}$", root.GetProperty("token").GetString());
        Assert.Matches("^[0-9a-f]{64}$", root.GetProperty("certificateKey").GetString());
        var files = root.GetProperty("filesWritten").EnumerateArray().Select(f => f.GetString()).ToList();
        Assert.Contains("/etc/kubernetes/pki/ca.crt", files);
        Assert.Contains("/etc/kubernetes/manifests/kube-apiserver.yaml", files);
        var objects = root.GetProperty("objectsChanged").EnumerateArray()
            .Select(o => $"{o.GetProperty("resource").GetString()}/{o.GetProperty("name").GetString()}").ToList();
        Assert.Contains("configmaps/kubeadm-config", objects);
        Assert.Contains("secrets/kubeadm-certs", objects);
        Assert.Contains("deployments/coredns", objects);
        var phases = root.GetProperty("phases").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Contains("certs/ca", phases);
        Assert.Contains("show-join-command", phases);
        Assert.Contains("[certs] Generating \"ca\" certificate and key", run.Error);
    }

    [Fact]
    public async Task Should_WithholdTheTokenAndKey_When_TheirPrintingIsSkipped()
    {
        var run = await new CliHarness().RunAsync(
            "init", "--dry-run", "--skip-phases", "preflight", "--upload-certs", "--skip-token-print", "--skip-certificate-key-print", "-o", "yaml");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("token: <value withheld>\n", run.Output);
        Assert.Contains("certificateKey: <value withheld>\n", run.Output);
    }

    [Fact]
    public async Task Should_ReportTheFailedPhase_When_StructuredOutputIsAskedAndARunFails()
    {
        var run = await new CliHarness().RunAsync("init", "--dry-run", "-o", "json");

        Assert.Equal(1, run.ExitCode);
        using var document = JsonDocument.Parse(run.Output);
        Assert.False(document.RootElement.GetProperty("succeeded").GetBoolean());
        Assert.StartsWith("error execution phase preflight", document.RootElement.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Should_EndWithATimingSummary_When_OutputIsText()
    {
        var run = await new CliHarness().RunAsync("init", "--dry-run", "--skip-phases", "preflight");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Matches(@"\[init\] Phase timings: certs \d+\.\d\ds, kubeconfig \d+\.\d\ds, .* \(total \d+\.\d\ds\)\n$", run.Output);
        Assert.DoesNotContain("certs 0.00s", run.Output); // a group's time is its sub-phases' time
    }

    [Fact]
    public async Task Should_RejectAnUnknownFormat_When_OutputIsGiven()
    {
        var run = await new CliHarness().RunAsync("init", "--dry-run", "-o", "xml");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("invalid value \"xml\" for flag -o/--output: must be one of text, json, yaml", run.Error);
    }
}
