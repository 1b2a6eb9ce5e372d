using Kubeadm.App.Reset;
using Kubeadm.Core.Host;
using Kubeadm.Workflow;

namespace Kubeadm.App.Tests.Reset;

public sealed class ResetWorkflowTests
{
    private const string DeletedFiles = "[/etc/kubernetes/admin.conf /etc/kubernetes/super-admin.conf /etc/kubernetes/kubelet.conf "
        + "/etc/kubernetes/bootstrap-kubelet.conf /etc/kubernetes/controller-manager.conf /etc/kubernetes/scheduler.conf]";

    private static readonly ResetOptions Forced = new() { Force = true };

    [Fact]
    public async Task Should_RemoveExactlyWhatKubeadmRemoves_When_ForcedAfterInit()
    {
        var harness = new ResetHarness().WithInitState();

        await harness.RunAsync(Forced);

        Assert.Equal(
            ["/etc/cni/net.d/10-bridge.conflist", "/etc/kubernetes/mine.txt", "/etc/kubernetes/tmp/kubeadm-init-dryrun1/admin.conf", "/proc/mounts"],
            harness.Files);
        foreach (var kept in new[] { "/etc/kubernetes/manifests", "/etc/kubernetes/pki", "/var/lib/kubelet", "/var/lib/etcd" })
        {
            Assert.True(harness.FileSystem.DirectoryExists(kept), kept);
            Assert.Empty(harness.FileSystem.ListDirectory(kept));
        }
    }

    [Fact]
    public async Task Should_PrintKubeadmLines_When_ForcedAfterInit()
    {
        var harness = new ResetHarness().WithInitState();

        await harness.RunAsync(Forced);

        Assert.Equal(
            $"""
            [preflight] Running pre-flight checks
            [reset] Deleted contents of the etcd data directory: /var/lib/etcd
            [reset] Stopping the kubelet service
            [reset] Unmounting mounted directories in "/var/lib/kubelet"
            [reset] Deleting contents of directories: [/etc/kubernetes/manifests /var/lib/kubelet /etc/kubernetes/pki]
            [reset] Deleting files: {DeletedFiles}

            The reset process does not perform cleanup of CNI plugin configuration,
            network filtering rules and kubeconfig files.

            For information on how to perform this cleanup manually, please see:
                https://k8s.io/docs/reference/setup-tools/kubeadm/kubeadm-reset/


            """,
            harness.Out.ToString());
        Assert.Equal(
            """
            [reset] No kubeadm config, using etcd pod spec to get data directory

            """,
            harness.Err.ToString());
    }

    [Fact]
    public async Task Should_StopTheKubeletThroughTheServiceManager_When_NotDryRun()
    {
        var harness = new ResetHarness().WithInitState();

        await harness.RunAsync(Forced);

        Assert.Equal([new ServiceCall(ServiceAction.Stop, "kubelet")], harness.Services.Calls);
    }

    [Fact]
    public async Task Should_DeleteNothingAndPrintWhatItWould_When_DryRun()
    {
        var harness = new ResetHarness().WithInitState();
        var before = harness.Files;

        await harness.RunAsync(new ResetOptions { DryRun = true });

        Assert.Equal(before, harness.Files);
        Assert.Empty(harness.Services.Calls);
        Assert.StartsWith(
            $"""
            [preflight] Running pre-flight checks
            [reset] Would remove the etcd member on this node from the etcd cluster
            [reset] etcd member "cp-1" is the only member of the etcd cluster: it would be left in place
            [reset] Would delete contents of the etcd data directory: /var/lib/etcd
            [reset] Would stop the kubelet service
            [reset] Would unmount mounted directories in "/var/lib/kubelet"
            [reset] Would remove Kubernetes-managed containers
            [reset] Would delete contents of directories: [/etc/kubernetes/manifests /var/lib/kubelet /etc/kubernetes/pki]
            [reset] Would delete files: {DeletedFiles}

            """,
            harness.Out.ToString());
    }

    [Fact]
    public async Task Should_CleanTheGivenDirectoryAndKeepTheDefault_When_CertDirIsGiven()
    {
        var harness = new ResetHarness().WithInitState();
        harness.FileSystem.WriteAllText("/srv/pki/ca.crt", "ca\n", FileModes.Private);

        await harness.RunAsync(Forced with { CertDir = "/srv/pki" });

        Assert.False(harness.FileSystem.FileExists("/srv/pki/ca.crt"));
        Assert.True(harness.FileSystem.DirectoryExists("/srv/pki"));
        Assert.True(harness.FileSystem.FileExists("/etc/kubernetes/pki/ca.crt"));
        Assert.Contains("[reset] Deleting contents of directories: [/etc/kubernetes/manifests /var/lib/kubelet /srv/pki]", harness.Out.ToString());
        Assert.Contains("[reset] WARNING: Cleaning a non-default certificates directory: \"/srv/pki\"", harness.Err.ToString());
    }

    [Fact]
    public async Task Should_EmptyTheTmpDirectory_When_CleanupTmpDirIsGiven()
    {
        var harness = new ResetHarness().WithInitState();

        await harness.RunAsync(Forced with { CleanupTmpDir = true });

        Assert.DoesNotContain("/etc/kubernetes/tmp/kubeadm-init-dryrun1/admin.conf", harness.Files);
        Assert.True(harness.FileSystem.DirectoryExists("/etc/kubernetes/tmp"));
        Assert.Contains("[/etc/kubernetes/manifests /var/lib/kubelet /etc/kubernetes/pki /etc/kubernetes/tmp]", harness.Out.ToString());
    }

    [Theory]
    [InlineData("y")]
    [InlineData("Y")]
    [InlineData("yes")]
    public async Task Should_Reset_When_TheUserConfirms(string answer)
    {
        var harness = new ResetHarness().WithInitState().Answer(answer);

        await harness.RunAsync(new ResetOptions());

        Assert.StartsWith("[reset] Are you sure you want to proceed? [y/N]: [preflight] Running pre-flight checks\n", harness.Out.ToString());
        Assert.StartsWith("[reset] WARNING: Changes made to this host by 'kubeadm init' or 'kubeadm join' will be reverted.\n", harness.Err.ToString());
        Assert.DoesNotContain("/etc/kubernetes/admin.conf", harness.Files);
    }

    [Theory]
    [InlineData("n")]
    [InlineData("")]
    [InlineData("sure")]
    public async Task Should_AbortAndKeepEverything_When_TheUserDoesNotConfirm(string answer)
    {
        var harness = new ResetHarness().WithInitState().Answer(answer);
        var before = harness.Files;

        var error = await Assert.ThrowsAsync<PhaseExecutionException>(() => harness.RunAsync(new ResetOptions()));

        Assert.Equal("error execution phase preflight: won't proceed; the user didn't answer (Y|y) in order to continue", error.Message);
        Assert.Equal(before, harness.Files);
        Assert.Empty(harness.Services.Calls);
    }

    [Fact]
    public async Task Should_AskForForce_When_StandardInputHasNoAnswer()
    {
        var harness = new ResetHarness().WithInitState();

        var error = await Assert.ThrowsAsync<PhaseExecutionException>(() => harness.RunAsync(new ResetOptions()));

        Assert.Contains("no answer could be read from standard input", error.Message);
        Assert.Contains("--force (-f)", error.Message);
        Assert.Contains("/etc/kubernetes/admin.conf", harness.Files);
    }

    [Fact]
    public async Task Should_KeepTheEtcdData_When_RemoveEtcdMemberIsSkipped()
    {
        var harness = new ResetHarness().WithInitState();

        await harness.RunAsync(Forced with { SkipPhases = ["remove-etcd-member"] });

        Assert.Contains("/var/lib/etcd/member/snap/db", harness.Files);
        Assert.DoesNotContain("/etc/kubernetes/admin.conf", harness.Files);
        Assert.DoesNotContain("etcd data directory", harness.Out.ToString());
    }

    [Fact]
    public async Task Should_RunOnlyThatPhase_When_APhaseIsSelected()
    {
        var harness = new ResetHarness().WithInitState();

        await harness.RunAsync(Forced, "cleanup-node");

        Assert.Contains("/var/lib/etcd/member/snap/db", harness.Files);
        Assert.DoesNotContain("/var/lib/kubelet/config.yaml", harness.Files);
        Assert.DoesNotContain("[preflight]", harness.Out.ToString());
        Assert.DoesNotContain("The reset process", harness.Out.ToString());
    }

    [Fact]
    public async Task Should_UnmountInProcMountsOrderThenEmptyTheKubeletDirectory_When_MountsRemain()
    {
        var harness = new ResetHarness().WithInitState();
        harness.FileSystem.WriteAllText(
            "/proc/mounts",
            "tmpfs /var/lib/kubelet/pods/abc/volumes/kubernetes.io~projected/kube-api-access tmpfs rw 0 0\n"
            + "nfs:/x /var/lib/kubelet/pods/abc/volumes/my\\040data nfs rw 0 0\ntmpfs /var/lib/kubeletx tmpfs rw 0 0\n",
            FileModes.Private);

        await harness.RunAsync(Forced with { Verbosity = 1 });

        Assert.Equal("tmpfs /var/lib/kubeletx tmpfs rw 0 0\n", harness.FileSystem.ReadAllText("/proc/mounts"));
        Assert.Contains(
            "[reset] Unmounting \"/var/lib/kubelet/pods/abc/volumes/kubernetes.io~projected/kube-api-access\"\n[reset] Unmounting \"/var/lib/kubelet/pods/abc/volumes/my data\"\n",
            harness.Err.ToString());
        Assert.DoesNotContain("/var/lib/kubelet/config.yaml", harness.Files);
    }

    [Fact]
    public async Task Should_FailWithTheUmountCommandsAndKeepTheKubeletDirectory_When_AnUnmountFails()
    {
        var harness = new ResetHarness().WithInitState();
        harness.Mounts = new BusyMounts("/var/lib/kubelet/pods/abc/volumes/my data");

        var error = await Assert.ThrowsAsync<PhaseExecutionException>(() => harness.RunAsync(Forced));

        Assert.Equal(
            "error execution phase cleanup-node: encountered the following errors while unmounting directories in \"/var/lib/kubelet/\": "
            + "[failed to unmount \"/var/lib/kubelet/pods/abc/volumes/my data\": device or resource busy (by hand: umount '/var/lib/kubelet/pods/abc/volumes/my data')]",
            error.Message);
        Assert.Contains("/var/lib/kubelet/config.yaml", harness.Files);
        Assert.Contains("/etc/kubernetes/admin.conf", harness.Files);
    }

    [Fact]
    public async Task Should_StopAndRemoveEveryPodSandbox_When_TheRuntimeRunsPods()
    {
        var harness = new ResetHarness().WithInitState();
        harness.Runtime.Sandboxes.AddRange([new("s1", "etcd-cp-1", "kube-system", true), new("s2", "web", "default", false)]);

        await harness.RunAsync(Forced);

        Assert.Empty(harness.Runtime.Sandboxes);
        Assert.DoesNotContain("Failed to remove containers", harness.Err.ToString());
    }

    [Fact]
    public async Task Should_ListWhatWouldBeRemovedAndRemoveNothing_When_DryRun()
    {
        var harness = new ResetHarness().WithInitState();
        harness.Runtime.Sandboxes.Add(new("s1", "etcd-cp-1", "kube-system", true));
        harness.FileSystem.WriteAllText("/proc/mounts", "tmpfs /var/lib/kubelet/pods/abc/volumes/v tmpfs rw 0 0\n", FileModes.Private);

        await harness.RunAsync(Forced with { DryRun = true });

        Assert.Contains(
            "[reset] Would unmount mounted directories in \"/var/lib/kubelet\"\n[reset] Would unmount \"/var/lib/kubelet/pods/abc/volumes/v\"\n"
            + "[reset] Would remove Kubernetes-managed containers\n[reset] Would stop and remove pod sandbox s1 (kube-system/etcd-cp-1)\n",
            harness.Out.ToString());
        Assert.Single(harness.Runtime.Sandboxes);
        Assert.Contains("/var/lib/kubelet/pods/abc/volumes/v", harness.FileSystem.ReadAllText("/proc/mounts"));
    }

    [Fact]
    public async Task Should_WarnAndGoOn_When_TheRuntimeIsDown()
    {
        var harness = new ResetHarness().WithInitState();
        harness.Runtime.Unreachable = "cannot connect to the container runtime at \"unix:///var/run/containerd/containerd.sock\": connection refused";

        await harness.RunAsync(Forced);

        Assert.Contains(
            "[reset] Failed to remove containers: failed to list pod sandboxes: cannot connect to the container runtime at \"unix:///var/run/containerd/containerd.sock\": connection refused\n",
            harness.Err.ToString());
        Assert.DoesNotContain("/etc/kubernetes/admin.conf", harness.Files);
    }

    private sealed class BusyMounts(string busy) : IMountTable
    {
        public IReadOnlyList<string> MountPointsUnder(string directory) => ["/var/lib/kubelet/pods/abc/volumes/v1", busy];

        public void Unmount(string mountPoint, int flags)
        {
            if (mountPoint == busy)
            {
                throw new IOException("device or resource busy");
            }
        }
    }

    [Fact]
    public async Task Should_FailTheRootCheck_When_NotRoot()
    {
        var harness = new ResetHarness { IsRoot = false }.WithInitState();

        var error = await Assert.ThrowsAsync<PhaseExecutionException>(() => harness.RunAsync(Forced));

        Assert.Contains("[ERROR IsPrivilegedUser]: user is not running as root", error.Message);
        Assert.Contains("/etc/kubernetes/admin.conf", harness.Files);
    }

    [Fact]
    public async Task Should_OnlyWarn_When_TheRootCheckIsIgnored()
    {
        var harness = new ResetHarness { IsRoot = false }.WithInitState();

        await harness.RunAsync(Forced with { IgnorePreflightErrors = ["IsPrivilegedUser"] });

        Assert.Contains("[preflight] Running pre-flight checks\n\t[WARNING IsPrivilegedUser]: user is not running as root\n", harness.Out.ToString());
    }

    [Fact]
    public async Task Should_SkipTheEtcdMember_When_NoManifestAndNoEtcdData()
    {
        var harness = new ResetHarness();
        harness.FileSystem.WriteAllText("/proc/mounts", "", FileModes.Private);
        harness.FileSystem.CreateDirectory("/var/lib/etcd", FileModes.PrivateDirectory);

        await harness.RunAsync(Forced);

        Assert.DoesNotContain("etcdctl", harness.Out.ToString());
        Assert.DoesNotContain("etcd data directory", harness.Out.ToString());
        Assert.Contains("[reset] Skipping unmount of directories in \"/var/lib/kubelet\": lstat /var/lib/kubelet: no such file or directory", harness.Err.ToString());
        Assert.Contains("[reset] Deleting contents of directories: [/etc/kubernetes/manifests /etc/kubernetes/pki]", harness.Out.ToString());
    }
}
