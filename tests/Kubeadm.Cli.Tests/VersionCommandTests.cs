using System.Text.Json;

namespace Kubeadm.Cli.Tests;

public sealed class VersionCommandTests
{
    [Fact]
    public async Task Should_PrintBareVersion_When_OutputIsShort()
    {
        var run = await new CliHarness().RunAsync("version", "-o", "short");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("v1.34.2\n", run.Output);
    }

    [Fact]
    public async Task Should_PrintClientVersionObject_When_OutputIsJson()
    {
        var run = await new CliHarness().RunAsync("version", "-o", "json");

        using var document = JsonDocument.Parse(run.Output);
        var client = document.RootElement.GetProperty("clientVersion");
        Assert.Equal("v1.34.2", client.GetProperty("gitVersion").GetString());
        Assert.Equal("34", client.GetProperty("minor").GetString());
    }

    [Fact]
    public async Task Should_PrintSortedYaml_When_OutputIsYaml()
    {
        var run = await new CliHarness().RunAsync("version", "-o", "yaml");

        Assert.StartsWith("clientVersion:\n  buildDate: \"\"\n", run.Output);
        Assert.Contains("  gitVersion: v1.34.2\n", run.Output);
        Assert.Contains("  major: \"1\"\n", run.Output);
    }

    [Fact]
    public async Task Should_PrintKubeadmStyleInfo_When_NoOutputIsGiven()
    {
        var run = await new CliHarness().RunAsync("version");

        Assert.StartsWith("kubeadm version: &version.Info{Major:\"1\", Minor:\"34\", GitVersion:\"v1.34.2\"", run.Output);
    }

    [Fact]
    public async Task Should_Fail_When_OutputFormatIsUnknown()
    {
        var run = await new CliHarness().RunAsync("version", "-o", "xml");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("invalid output format: xml", run.Error);
    }
}
