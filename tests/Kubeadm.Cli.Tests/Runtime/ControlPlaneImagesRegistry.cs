namespace Kubeadm.Cli.Tests.Runtime;

/// <summary>
/// A loopback registry holding the 7 images `kubeadm config images list --image-repository 127.0.0.1:PORT/k8s`
/// names, each a small distinct image (/bin/sleep + libc + a file naming it) pushed with skopeo.
/// </summary>
public sealed class ControlPlaneImagesRegistry : IAsyncLifetime
{
    private RegistryProcess? _registry;
    private readonly string _workDir = Directory.CreateTempSubdirectory("kimgs-").FullName;

    public string Repository => $"{Registry.Host}/k8s";

    internal RegistryProcess Registry => _registry ?? throw new InvalidOperationException("the registry is not started");

    public IReadOnlyList<string> Images { get; private set; } = [];

    /// <summary>An OCI archive of a runnable image (/bin/sleep), e.g. to import as the sandbox image.</summary>
    public string SleepArchive => Path.Combine(_workDir, "sleep.tar");

    public async Task InitializeAsync()
    {
        _registry = await RegistryProcess.StartAsync();
        var list = await RealHostCli.RunAsync("config", "images", "list", "--image-repository", Repository);
        Assert.True(list.ExitCode == 0, list.Error);
        Images = list.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(7, Images.Count);
        var builder = (await OciImageBuilder.ForExecutableAsync("/bin/sleep")).WithCommand("infinity");
        builder.WriteArchive(SleepArchive, "sleep");
        foreach (var image in Images)
        {
            var archive = Path.Combine(_workDir, Path.GetFileName(image).Replace(':', '_') + ".tar");
            builder.WithFile("/etc/kubeadm-test-image", System.Text.Encoding.UTF8.GetBytes(image + "\n")).WriteArchive(archive, image);
            await Registry.PushAsync(archive, image[(Registry.Host.Length + 1)..]);
        }
    }

    public async Task DisposeAsync()
    {
        if (_registry is not null)
        {
            await _registry.DisposeAsync();
        }

        Directory.Delete(_workDir, recursive: true);
    }
}
