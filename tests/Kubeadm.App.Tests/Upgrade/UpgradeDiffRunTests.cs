using System.Text;
using Kubeadm.App.Upgrade;
using Kubeadm.Core.ClusterApi;
using Kubeadm.Core.Configuration.Defaulting;
using Kubeadm.Core.ControlPlane;
using Kubeadm.Core.Errors;
using Kubeadm.Core.Host;
using Kubeadm.Core.Upgrade;

namespace Kubeadm.App.Tests.Upgrade;

public sealed class UpgradeDiffRunTests : IDisposable
{
    private readonly StringWriter _out = new();
    private readonly StringWriter _err = new();
    private readonly InMemoryFileSystem _fileSystem = new();
    private readonly InMemoryClusterApi _api = UpgradeClusterSeed.Cluster("v1.33.5", ["cp-1"], []);

    public UpgradeDiffRunTests()
    {
        // The manifests init wrote on this node at v1.33.5, advertising 10.0.0.7:6443.
        var config = ConfigDefaults.CreateDefault();
        config.Cluster.KubernetesVersion = "v1.33.5";
        config.Init.LocalApiEndpoint.AdvertiseAddress = "10.0.0.7";
        ConfigDefaults.Apply(config);
        foreach (var component in ControlPlaneManifestDiff.Components)
        {
            _fileSystem.CreateDirectory("/etc/kubernetes/manifests", FileModes.PrivateDirectory);
            _fileSystem.WriteFile(
                $"/etc/kubernetes/manifests/{component}.yaml",
                Encoding.UTF8.GetBytes(ControlPlaneManifestDiff.Render(config, StaticPodHostFacts.None, component)),
                FileModes.Private);
        }
    }

    public void Dispose()
    {
        _out.Dispose();
        _err.Dispose();
    }

    private Task<string> DiffAsync(UpgradeDiffOptions options) =>
        new UpgradeDiffRun(_out, _err, TimeProvider.System).RunAsync(_api, _fileSystem, _ => null, options, CancellationToken.None);

    [Fact]
    public async Task Should_ShowOnlyTheImageLines_When_TheTargetIsTheNextMinor()
    {
        var diff = await DiffAsync(new UpgradeDiffOptions { TargetVersion = "v1.34.2" });

        foreach (var component in ControlPlaneManifestDiff.Components)
        {
            Assert.Contains(
                $"--- /etc/kubernetes/manifests/{component}.yaml\n+++ new manifest\n",
                diff);
            Assert.Contains($"-    image: registry.k8s.io/{component}:v1.33.5\n+    image: registry.k8s.io/{component}:v1.34.2\n", diff);
        }

        var changed = diff.Split('\n').Where(l => l.StartsWith('-') || l.StartsWith('+')).Where(l => !l.StartsWith("---", StringComparison.Ordinal) && !l.StartsWith("+++", StringComparison.Ordinal));
        Assert.Equal(6, changed.Count());
        Assert.Contains("[upgrade/diff] Reading configuration from the \"kubeadm-config\" ConfigMap", _out.ToString());
    }

    [Fact]
    public async Task Should_ShowNothing_When_TheTargetIsTheStoredVersion()
    {
        var diff = await DiffAsync(new UpgradeDiffOptions());

        Assert.Equal("", diff);
    }

    [Fact]
    public async Task Should_UseTheGivenPathsAndContext()
    {
        _fileSystem.WriteFile("/tmp/apiserver.yaml", _fileSystem.ReadAllBytes("/etc/kubernetes/manifests/kube-apiserver.yaml"), FileModes.Private);

        var diff = await DiffAsync(new UpgradeDiffOptions { TargetVersion = "v1.34.2", ApiServerManifest = "/tmp/apiserver.yaml", ContextLines = 0 });

        Assert.Contains("--- /tmp/apiserver.yaml\n+++ new manifest\n@@ ", diff);
        Assert.DoesNotContain("\n     ", diff);
    }

    [Fact]
    public async Task Should_NameTheMissingManifest()
    {
        var error = await Assert.ThrowsAsync<KubeadmUserException>(() => DiffAsync(new UpgradeDiffOptions { SchedulerManifest = "/nope.yaml" }));

        Assert.Equal("the manifest file \"/nope.yaml\" does not exist: stat /nope.yaml: no such file or directory", error.Message);
    }

    [Fact]
    public async Task Should_RefuseAVersionThatIsNotOne()
    {
        await Assert.ThrowsAsync<ValidationException>(() => DiffAsync(new UpgradeDiffOptions { TargetVersion = "one.two" }));
    }
}
