using Kubeadm.App.Upgrade;
using Kubeadm.Core.ControlPlane;
using Kubeadm.Core.Host;
using Kubeadm.Core.KubeConfig;
using Kubeadm.Core.Upgrade.Apply;

namespace Kubeadm.App.Tests.Upgrade;

/// <summary>
/// The hidden `kubeconfig` phase (ControlPlaneKubeletLocalMode): on a control plane whose kubelet.conf still names the
/// control-plane endpoint, the upgrade points the kubelet at its own API server; a worker's kubelet.conf, a dry run,
/// the gate turned off and --skip-phases leave it as it is.
/// </summary>
public sealed class UpgradeKubeconfigPhaseTests
{
    private const string KubeletConf = "/etc/kubernetes/kubelet.conf";
    private const string ControlPlaneUrl = "https://cp.example:6443";
    private const string LocalUrl = "https://10.0.0.1:6443";

    private static async Task<UpgradeHarness> ClusterWithRemoteKubeletAsync(bool localModeGate = true)
    {
        var harness = await new UpgradeHarness
        {
            Customize = config =>
            {
                config.Cluster.ControlPlaneEndpoint = "cp.example:6443";
                if (!localModeGate)
                {
                    config.Cluster.FeatureGates["ControlPlaneKubeletLocalMode"] = false;
                }
            },
        }.InitAsync();

        // As a cluster made before the gate was on: the kubelet talks to the control-plane endpoint.
        var kubeletConf = KubeconfigYamlReader.Read(harness.FileSystem.ReadAllText(KubeletConf), KubeletConf);
        foreach (var cluster in kubeletConf.Clusters!)
        {
            cluster.ClusterEndpoint.Server = ControlPlaneUrl;
        }

        harness.FileSystem.WriteAllText(KubeletConf, KubeconfigYamlWriter.Write(kubeletConf), FileModes.Private);
        return harness;
    }

    private static string ServerOf(UpgradeHarness harness) =>
        Assert.Single(KubeconfigYamlReader.Read(harness.FileSystem.ReadAllText(KubeletConf), KubeletConf).Clusters!).ClusterEndpoint.Server;

    [Fact]
    public async Task Apply_points_a_control_planes_kubelet_at_its_own_api_server_and_keeps_the_old_file_for_rollback()
    {
        await using var harness = await ClusterWithRemoteKubeletAsync();
        var before = harness.FileSystem.ReadAllText(KubeletConf);

        var (context, _, error) = await harness.RunAsync(UpgradeHarness.Options());

        error.ShouldBeNull();
        Assert.Equal(LocalUrl, ServerOf(harness));
        Assert.Equal(FileModes.Private, harness.FileSystem.GetMode(KubeletConf));
        var backup = context.State!.Backups.KubeconfigBackupPath("kubelet.conf");
        Assert.Equal(before, harness.FileSystem.ReadAllText(backup));
        Assert.Contains(new BackedUpFile(KubeletConf, backup), context.State.Component(UpgradeKubeconfigPhase.ComponentName).Files);
        Assert.Contains($"restore '{backup}' '{KubeletConf}'", harness.FileSystem.ReadAllText(context.State.Backups.RollbackScriptPath), StringComparison.Ordinal);
        var output = harness.Out.ToString();
        var uploaded = output.IndexOf("[upload-config]", StringComparison.Ordinal);
        var upgraded = output.IndexOf("[upgrade/kubeconfig] The kubeconfig files for this node were successfully upgraded!", StringComparison.Ordinal);
        var kubeletConfig = output.IndexOf("[upgrade/kubelet-config]", StringComparison.Ordinal);
        Assert.True(uploaded >= 0 && uploaded < upgraded && upgraded < kubeletConfig, output);
    }

    [Fact]
    public async Task A_dry_run_says_what_would_change_and_changes_nothing()
    {
        await using var harness = await ClusterWithRemoteKubeletAsync();
        var before = harness.FileSystem.ReadAllText(KubeletConf);

        (await harness.RunAsync(UpgradeHarness.Options(o => o with { DryRun = true }))).Error.ShouldBeNull();

        Assert.Equal(before, harness.FileSystem.ReadAllText(KubeletConf));
        Assert.Contains(
            $"[dryrun] Would change the Server URL from \"{ControlPlaneUrl}\" to \"{LocalUrl}\" in {KubeletConf} and try to restart kubelet",
            harness.Out.ToString(),
            StringComparison.Ordinal);
        Assert.DoesNotContain(harness.FileSystem.ListAllFiles(), f => f.EndsWith("/kubeconfig/kubelet.conf", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Upgrade_node_rewrites_a_control_plane_and_leaves_a_worker_alone()
    {
        await using var harness = await ClusterWithRemoteKubeletAsync();
        (await harness.RunAsync(UpgradeHarness.Options(o => o with { SkipPhases = ["kubeconfig"] }))).Error.ShouldBeNull();
        Assert.Equal(ControlPlaneUrl, ServerOf(harness)); // skipped by name, though hidden
        var nodeOptions = UpgradeHarness.Options(o => o with { TargetVersion = null });

        (await harness.RunAsync(nodeOptions, isApply: false)).Error.ShouldBeNull();
        Assert.Equal(LocalUrl, ServerOf(harness));

        var kubeletConf = KubeconfigYamlReader.Read(harness.FileSystem.ReadAllText(KubeletConf), KubeletConf);
        kubeletConf.Clusters!.Single().ClusterEndpoint.Server = ControlPlaneUrl;
        harness.FileSystem.WriteAllText(KubeletConf, KubeconfigYamlWriter.Write(kubeletConf), FileModes.Private);
        foreach (var component in UpgradeComponents.ControlPlane.Append(ComponentNames.Etcd))
        {
            harness.FileSystem.DeleteFile(StaticPodUpgrader.ManifestPath(component));
        }

        (await harness.RunAsync(nodeOptions, isApply: false)).Error.ShouldBeNull();
        Assert.Equal(ControlPlaneUrl, ServerOf(harness));
        Assert.Contains("[upgrade/kubeconfig] Skipping phase. Not a control plane node.", harness.Out.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_the_gate_off_kubelet_conf_is_left_as_it_is()
    {
        await using var harness = await ClusterWithRemoteKubeletAsync(localModeGate: false);

        (await harness.RunAsync(UpgradeHarness.Options())).Error.ShouldBeNull();

        Assert.Equal(ControlPlaneUrl, ServerOf(harness));
        Assert.Contains("[upgrade/kubeconfig] The kubeconfig files for this node were successfully upgraded!", harness.Out.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_phase_is_hidden_after_upload_config_in_apply_and_after_control_plane_in_node()
    {
        var apply = UpgradePhaseTree.CreateApply();
        var node = UpgradePhaseTree.CreateNode();

        Assert.Equal(["preflight", "control-plane", "upload-config", "kubeconfig", "kubelet-config", "bootstrap-token", "addon", "post-upgrade"], apply.Select(p => p.Name));
        Assert.Equal(["preflight", "control-plane", "kubeconfig", "kubelet-config", "addon", "post-upgrade"], node.Select(p => p.Name));
        Assert.True(apply.Single(p => p.Name == "kubeconfig").Hidden);
        Assert.True(node.Single(p => p.Name == "kubeconfig").Hidden);
        Assert.Equal(["config", "dry-run", "kubeconfig"], apply.Single(p => p.Name == "kubeconfig").InheritFlags.ToArray());
    }
}
