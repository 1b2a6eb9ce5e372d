using Kubeadm.App.Upgrade;
using Kubeadm.Core.ControlPlane;
using Kubeadm.Core.Upgrade.Apply;

namespace Kubeadm.App.Tests.Upgrade;

/// <summary>
/// The image pull of the upgrade preflight follows the UpgradeConfiguration as kubeadm 1.34's does: `upgrade apply` its
/// apply.imagePullSerial / imagePullPolicy, `upgrade node` (on a control plane only) its node section. The in-memory
/// runtime's pulls take a while, so pulls that overlap are seen.
/// </summary>
public sealed class UpgradeImagePullTests
{
    private const string ConfigPath = "/root/upgrade.yaml";
    private static readonly TimeSpan PullLatency = TimeSpan.FromMilliseconds(40);

    private static string UpgradeConfiguration(string sections) =>
        "apiVersion: kubeadm.k8s.io/v1beta4\nkind: UpgradeConfiguration\n" + sections;

    [Fact]
    public async Task Apply_pulls_one_image_at_a_time_by_default()
    {
        await using var harness = await new UpgradeHarness().InitAsync();
        harness.Runtime.PullLatency = PullLatency;

        (await harness.RunAsync(UpgradeHarness.Options())).Error.ShouldBeNull();

        Assert.Equal(1, harness.Runtime.MaxPullsInFlight);
        Assert.Contains($"registry.k8s.io/kube-apiserver:{UpgradeHarness.ToVersion}", harness.Runtime.Pulls);
        Assert.Contains("registry.k8s.io/etcd:3.6.5-0", harness.Runtime.Pulls);
    }

    [Fact]
    public async Task Apply_pulls_in_parallel_when_apply_imagePullSerial_is_false()
    {
        await using var harness = await new UpgradeHarness().InitAsync();
        harness.Runtime.PullLatency = PullLatency;
        harness.UserFiles[ConfigPath] = UpgradeConfiguration("apply:\n  imagePullSerial: false\nnode:\n  imagePullSerial: true\n");

        var (context, _, error) = await harness.RunAsync(UpgradeHarness.Options(o => o with { ConfigPath = ConfigPath, Verbosity = 1 }));

        error.ShouldBeNull();
        Assert.False(context.Config.Init.NodeRegistration.ImagePullSerial);
        Assert.Equal(harness.Runtime.Pulls.Count, harness.Runtime.MaxPullsInFlight);
        Assert.True(harness.Runtime.MaxPullsInFlight > 1);
        Assert.Contains("pulling all images in parallel", harness.Err.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Node_on_a_control_plane_follows_the_node_section_and_a_worker_pulls_nothing()
    {
        await using var harness = await new UpgradeHarness().InitAsync();
        (await harness.RunAsync(UpgradeHarness.Options())).Error.ShouldBeNull();
        var pulledByApply = harness.Runtime.Pulls.Count;
        harness.Runtime.PullLatency = PullLatency;
        harness.UserFiles[ConfigPath] = UpgradeConfiguration("apply:\n  imagePullSerial: true\nnode:\n  imagePullSerial: false\n  imagePullPolicy: Always\n");
        var nodeOptions = UpgradeHarness.Options(o => o with { TargetVersion = null, ConfigPath = ConfigPath });

        var (context, _, error) = await harness.RunAsync(nodeOptions, isApply: false);

        error.ShouldBeNull();
        Assert.True(context.IsControlPlaneNode);
        Assert.Equal("Always", context.Config.Init.NodeRegistration.ImagePullPolicy);
        Assert.Equal(pulledByApply * 2, harness.Runtime.Pulls.Count); // Always: the present images pulled again
        Assert.Equal(pulledByApply, harness.Runtime.MaxPullsInFlight);

        foreach (var component in UpgradeComponents.ControlPlane.Append(ComponentNames.Etcd))
        {
            harness.FileSystem.DeleteFile(StaticPodUpgrader.ManifestPath(component));
        }

        (await harness.RunAsync(nodeOptions, isApply: false)).Error.ShouldBeNull();
        Assert.Equal(pulledByApply * 2, harness.Runtime.Pulls.Count);
        Assert.Contains("[preflight] Skipping prepull. Not a control plane node.", harness.Out.ToString(), StringComparison.Ordinal);
    }
}
