using Kubeadm.Core.Constants;
using Kubeadm.Core.Host;
using Kubeadm.Core.Patches;

namespace Kubeadm.App.Tests.Kubelet;

public sealed class KubeletStartPhaseTests
{
    private const UnixFileMode Mode0644 = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
    private const UnixFileMode Mode0700 = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private readonly KubeletStartFixture _fixture = new();

    [Fact]
    public async Task Should_WriteTheThreeKubeletFilesWithKubeadmsModes_When_PhaseRuns()
    {
        await _fixture.RunAsync();

        var fs = _fixture.FileSystem;
        Assert.Equal(Mode0700, fs.GetMode(KubeadmConstants.KubeletDir));
        Assert.Equal(Mode0644, fs.GetMode(KubeadmConstants.KubeletEnvFile));
        Assert.Equal(Mode0644, fs.GetMode(KubeadmConstants.KubeletInstanceConfigFile));
        Assert.Equal(Mode0644, fs.GetMode(KubeadmConstants.KubeletConfigFile));
        Assert.Equal("KUBELET_KUBEADM_ARGS=\"--pod-infra-container-image=registry.k8s.io/pause:3.10.1\"\n", fs.ReadAllText(KubeadmConstants.KubeletEnvFile));
        Assert.Equal("containerRuntimeEndpoint: \"unix:///var/run/containerd/containerd.sock\"\n", fs.ReadAllText(KubeadmConstants.KubeletInstanceConfigFile));
        Assert.Contains("\ncontainerRuntimeEndpoint: unix:///var/run/containerd/containerd.sock\n", fs.ReadAllText(KubeadmConstants.KubeletConfigFile));
    }

    [Fact]
    public async Task Should_PrintKubeadmsLines_And_StopThenRestartTheKubelet_When_PhaseRuns()
    {
        var services = new RecordingServiceManager();
        _fixture.ServiceManager = services;

        await _fixture.RunAsync();

        Assert.Equal(
            "[kubelet-start] Writing kubelet environment file with flags to file \"/var/lib/kubelet/kubeadm-flags.env\"\n" +
            "[kubelet-start] Writing kubelet configuration to file \"/var/lib/kubelet/instance-config.yaml\"\n" +
            "[patches] Applied patch of type \"application/strategic-merge-patch+json\" to target \"kubeletconfiguration\"\n" +
            "[kubelet-start] Writing kubelet configuration to file \"/var/lib/kubelet/config.yaml\"\n" +
            "[kubelet-start] Starting the kubelet\n",
            _fixture.Out);
        Assert.Equal(
            [ServiceAction.GetStatus, ServiceAction.Stop, ServiceAction.GetStatus, ServiceAction.GetStatus, ServiceAction.Restart],
            services.Calls.Select(call => call.Action));
        Assert.Equal(["kubelet", "kubelet", "systemd-resolved", "kubelet", "kubelet"], services.Calls.Select(call => call.Unit));
    }

    [Fact]
    public async Task Should_SkipInstanceConfig_And_PassTheCriEndpointAsFlag_When_NodeLocalCriSocketIsOff()
    {
        _fixture.Config.Cluster.FeatureGates["NodeLocalCRISocket"] = false;

        await _fixture.RunAsync();

        Assert.False(_fixture.FileSystem.FileExists(KubeadmConstants.KubeletInstanceConfigFile));
        Assert.Contains("--container-runtime-endpoint=unix:///var/run/containerd/containerd.sock", _fixture.FileSystem.ReadAllText(KubeadmConstants.KubeletEnvFile));
        Assert.Contains("\ncontainerRuntimeEndpoint: \"\"\n", _fixture.FileSystem.ReadAllText(KubeadmConstants.KubeletConfigFile));
        Assert.Contains("[kubelet-start] Skipping writing instance kubelet configuration file as the NodeLocalCRISocket feature gate is disabled\n", _fixture.Out);
    }

    [Fact]
    public async Task Should_ApplyUserPatchesBeforeTheInstanceConfig_When_PatchesTargetTheKubelet()
    {
        _fixture.FileSystem.WriteAllText("/patches/kubeletconfiguration+merge.yaml", "maxPods: 42\ncontainerRuntimeEndpoint: unix:///user.sock\n", FileModes.Public);
        _fixture.Patches = (output, fs) => new DirectoryPatchApplier(fs, "/patches", output);

        await _fixture.RunAsync();

        var config = _fixture.FileSystem.ReadAllText(KubeadmConstants.KubeletConfigFile);
        Assert.Contains("\nmaxPods: 42\n", config);
        Assert.Contains("\ncontainerRuntimeEndpoint: unix:///var/run/containerd/containerd.sock\n", config);
        Assert.Contains(
            "[patches] Applied patch of type \"application/merge-patch+json\" to target \"kubeletconfiguration\"\n" +
            "[patches] Applied patch of type \"application/strategic-merge-patch+json\" to target \"kubeletconfiguration\"\n",
            _fixture.Out);
    }

    [Fact]
    public async Task Should_WarnAndGoOn_When_TheKubeletServiceCannotBeStoppedOrStarted()
    {
        _fixture.ServiceManager = new FailingServiceManager();

        await _fixture.RunAsync();

        Assert.True(_fixture.FileSystem.FileExists(KubeadmConstants.KubeletConfigFile));
        Assert.Contains("[kubelet-start] Couldn't detect a kubelet service, can't make sure the kubelet is running properly.\n", _fixture.Out);
        Assert.EndsWith("[kubelet-start] Starting the kubelet\n[kubelet-start] Couldn't detect a kubelet service, can't make sure the kubelet is running properly.\n" +
            "[kubelet-start] Please ensure kubelet is reloaded and running manually.\n", _fixture.Out);
        Assert.Contains("[kubelet-start] WARNING: unable to stop the kubelet service momentarily: [\"systemctl stop kubelet\" failed", _fixture.Err);
        Assert.Contains("[kubelet-start] WARNING: unable to start the kubelet service: [\"systemctl restart kubelet\" failed", _fixture.Err);
    }

    [Fact]
    public async Task Should_SayThereIsNoInitSystem_When_ServiceManagerIsUnavailable()
    {
        var services = new RecordingServiceManager(isAvailable: false);
        _fixture.ServiceManager = services;

        await _fixture.RunAsync();

        Assert.Empty(services.Calls);
        Assert.StartsWith("[kubelet-start] No supported init system detected, won't make sure the kubelet not running for a short period of time while setting up configuration for it.\n", _fixture.Out);
        Assert.EndsWith("[kubelet-start] Starting the kubelet\n[kubelet-start] No supported init system detected, won't make sure the kubelet is running properly.\n", _fixture.Out);
    }

    [Fact]
    public async Task Should_RewriteIdenticalBytes_When_PhaseRunsTwice()
    {
        await _fixture.RunAsync();
        var first = Files();

        await _fixture.RunAsync();

        Assert.Equal(first, Files());
    }

    [Fact]
    public async Task Should_PrintFilesAndLeaveTheServiceAlone_When_DryRun()
    {
        var services = new RecordingServiceManager();
        _fixture.ServiceManager = services;
        _fixture.Config.Init.DryRun = true;

        await _fixture.RunAsync();

        Assert.DoesNotContain(services.Calls, call => call.Unit == "kubelet");
        Assert.DoesNotContain("Starting the kubelet", _fixture.Out);
        Assert.Contains("[dryrun] Would write file \"/var/lib/kubelet/config.yaml\" with content:\napiVersion: kubelet.config.k8s.io/v1beta1\n", _fixture.Out);
        Assert.False(_fixture.FileSystem.FileExists(KubeadmConstants.KubeletConfigFile));
    }

    private string[] Files() =>
    [
        _fixture.FileSystem.ReadAllText(KubeadmConstants.KubeletEnvFile),
        _fixture.FileSystem.ReadAllText(KubeadmConstants.KubeletInstanceConfigFile),
        _fixture.FileSystem.ReadAllText(KubeadmConstants.KubeletConfigFile),
    ];
}
