using System.Diagnostics;

namespace Kubeadm.Core.Tests.Addons;

/// <summary>
/// Decodes every golden addon object into Go's typed API object with kubectl, offline. `set selector --local` converts
/// any kind through the typed scheme first and only then says that the kind has no selector, so a decode error
/// ("unable to decode") is told apart from that expected refusal.
/// </summary>
[Trait("Category", "RealTools")]
public sealed class AddonKubectlDecodeTests
{
    private const string Kubectl = "/usr/bin/kubectl";
    private const string NoSelectorRefusal = "error: setting a selector is only supported for Services";

    public static TheoryData<string> GoldenObjects() =>
        [.. Directory.GetFiles(AddonGoldenFiles.Directory(), "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(GoldenObjects))]
    public async Task Should_DecodeAsTypedObject_When_KubectlReadsTheGoldenYaml(string path)
    {
        Assert.True(File.Exists(Kubectl), "kubectl is needed at /usr/bin/kubectl");
        var start = new ProcessStartInfo(Kubectl) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "set", "selector", "--local", "-f", path, "k8s-app=kube-dns", "-o", "name" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = (await process.StandardError.ReadToEndAsync()).Trim();
        await process.WaitForExitAsync();

        if (path.EndsWith("-service.yaml", StringComparison.Ordinal))
        {
            Assert.True(process.ExitCode == 0, error);
            Assert.Equal("service/kube-dns\n", output);
        }
        else
        {
            Assert.Equal(NoSelectorRefusal, error);
        }
    }
}
