namespace Kubeadm.Cli.Tests.Runtime;

/// <summary>The test infrastructure itself against the real tools: containerd imports a built image, the registry serves a pushed one.</summary>
[Trait("Category", "RealTools")]
public sealed class RuntimeInfrastructureTests
{
    [Fact]
    public async Task Should_ListImportedImage_When_ArchiveBuiltFromHostBinaryIsImported()
    {
        var archive = Path.Combine(Path.GetTempPath(), $"kimg-{Guid.NewGuid():N}.tar");
        try
        {
            (await OciImageBuilder.ForExecutableAsync("/bin/sleep")).WithCommand("infinity").WriteArchive(archive, "test.local/sleep:1");
            await using var containerd = await ContainerdProcess.StartAsync("test.local/sleep:1");
            await containerd.ImportAsync(archive);
            Assert.Contains("test.local/sleep:1", await containerd.ImageNamesAsync());
        }
        finally
        {
            File.Delete(archive);
        }
    }

    [Fact]
    public async Task Should_ServeTags_When_ImagePushedWithSkopeo()
    {
        var archive = Path.Combine(Path.GetTempPath(), $"kimg-{Guid.NewGuid():N}.tar");
        try
        {
            (await OciImageBuilder.ForExecutableAsync("/bin/sleep")).WriteArchive(archive, "sleep:1");
            await using var registry = await RegistryProcess.StartAsync();
            await registry.PushAsync(archive, "test/sleep:1");
            using var http = new HttpClient();
            var tags = await http.GetStringAsync(new Uri($"http://{registry.Host}/v2/test/sleep/tags/list"));
            Assert.Contains("\"1\"", tags, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(archive);
        }
    }
}
