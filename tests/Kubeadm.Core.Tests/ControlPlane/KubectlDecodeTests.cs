using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace Kubeadm.Core.Tests.ControlPlane;

/// <summary>
/// Decodes every golden manifest into Go's typed v1.Pod with kubectl, offline (`set resources --local` converts the
/// object; `create --dry-run=client` would need an API server for discovery).
/// </summary>
[Trait("Category", "RealTools")]
public sealed class KubectlDecodeTests
{
    private const string Kubectl = "/usr/bin/kubectl";

    public static TheoryData<string> GoldenManifests() =>
        [.. Directory.GetFiles(GoldenDirectory(), "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(GoldenManifests))]
    public async Task Should_DecodeAsTypedPod_When_KubectlReadsTheManifest(string path)
    {
        Assert.True(File.Exists(Kubectl), "kubectl is needed at /usr/bin/kubectl");
        var start = new ProcessStartInfo(Kubectl) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "set", "resources", "--local", "-f", path, "--limits=cpu=1", "-o", "name" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode == 0, error);
        Assert.Equal($"pod/{Path.GetFileNameWithoutExtension(path)}\n", output);
    }

    private static string GoldenDirectory([CallerFilePath] string source = "") => Path.Combine(Path.GetDirectoryName(source)!, "Golden");
}
