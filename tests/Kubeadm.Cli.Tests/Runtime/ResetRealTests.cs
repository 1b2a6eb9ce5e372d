using Kubeadm.App.ClusterPhases;
using Kubeadm.App.Host;
using Kubeadm.App.Runtime;

namespace Kubeadm.Cli.Tests.Runtime;

/// <summary>
/// `kubeadm reset` (and wait-control-plane's container report) on a node whose pods were started through CRI in
/// Debian's containerd, with real mounts under &lt;rootfs&gt;/var/lib/kubelet. The runtime socket is reached as
/// unix:///run/containerd/containerd.sock inside the rootfs (a symlink to the test's containerd socket).
/// </summary>
[Trait("Category", "RealTools")]
public sealed class ResetRealTests : IAsyncLifetime, IDisposable
{
    private const string PauseImage = "test.local/pause:1";
    private const string SleepImage = "test.local/sleep:1";
    private const string ShellImage = "test.local/sh:1";
    private const string NodeSocket = "unix:///run/containerd/containerd.sock";

    private readonly string _rootfs = Directory.CreateTempSubdirectory("kreset-").FullName;
    private ContainerdProcess? _containerd;
    private CriPods? _pods;

    private ContainerdProcess Containerd => _containerd!;

    private CriPods Pods => _pods!;

    private string KubeletDir => Path.Combine(_rootfs, "var/lib/kubelet");

    public async Task InitializeAsync()
    {
        _containerd = await ContainerdProcess.StartAsync(PauseImage);
        var sleep = (await OciImageBuilder.ForExecutableAsync("/bin/sleep")).WithCommand("infinity");
        var shell = await OciImageBuilder.ForExecutableAsync("/bin/sh");
        foreach (var (builder, name) in new[] { (sleep, PauseImage), (sleep, SleepImage), (shell, ShellImage) })
        {
            var archive = Path.Combine(Containerd.WorkDirectory, name.Replace('/', '_').Replace(':', '_') + ".tar");
            builder.WriteArchive(archive, name);
            await Containerd.ImportAsync(archive);
        }

        Directory.CreateDirectory(Path.Combine(_rootfs, "run/containerd"));
        File.CreateSymbolicLink(Path.Combine(_rootfs, "run/containerd/containerd.sock"), Containerd.Socket);
        _pods = new CriPods(Containerd.Socket, Path.Combine(_rootfs, "var/log/pods"));
    }

    public void Dispose() => _pods?.Dispose();

    public async Task DisposeAsync()
    {
        ContainerdProcess.UnmountUnder(_rootfs);
        if (_containerd is not null)
        {
            await _containerd.DisposeAsync();
        }

        Directory.Delete(_rootfs, recursive: true);
    }

    [Fact]
    public async Task Should_LeaveNoSandboxesContainersOrMounts_When_ResetRunsOnANodeWithPods()
    {
        await Pods.RunAsync("kube-system", "etcd-node-1", "etcd", SleepImage, "/bin/sleep", "infinity");
        await Pods.RunAsync("kube-system", "kube-apiserver-node-1", "kube-apiserver", SleepImage, "/bin/sleep", "infinity");
        Assert.Equal(2, await Pods.SandboxCountAsync());
        Assert.Equal(2, await Pods.ContainerCountAsync());
        var volumeSource = await MountVolumesAsync();

        var run = await RealHostCli.RunAsync("reset", "-f", "--rootfs", _rootfs, "--cri-socket", NodeSocket);

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        Assert.Contains("[reset] Unmounting mounted directories in \"/var/lib/kubelet\"\n", run.Output);
        Assert.Contains("[reset] Deleting contents of directories: [/etc/kubernetes/manifests /var/lib/kubelet /etc/kubernetes/pki]", run.Output);
        Assert.DoesNotContain("Failed to remove containers", run.Error);
        Assert.Equal(0, await Pods.SandboxCountAsync());
        Assert.Equal(0, await Pods.ContainerCountAsync());
        Assert.Empty(MountsUnder(KubeletDir));
        Assert.Empty(Directory.EnumerateFileSystemEntries(KubeletDir));
        Assert.True(File.Exists(Path.Combine(volumeSource, "data.txt")), "the bind-mounted volume's data must survive reset");
    }

    [Fact]
    public async Task Should_ListWhatItWouldDoAndChangeNothing_When_DryRun()
    {
        await Pods.RunAsync("kube-system", "etcd-node-1", "etcd", SleepImage, "/bin/sleep", "infinity");
        await MountVolumesAsync();

        var run = await RealHostCli.RunAsync("reset", "-f", "--dry-run", "--rootfs", _rootfs, "--cri-socket", NodeSocket);

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        Assert.Contains("[reset] Would unmount \"/var/lib/kubelet/pods/p1/volumes/kubernetes.io~empty-dir/data\"\n", run.Output);
        Assert.Contains("[reset] Would unmount \"/var/lib/kubelet/pods/p1/volumes/kubernetes.io~projected/token\"\n", run.Output);
        Assert.Matches(@"\[reset\] Would stop and remove pod sandbox [0-9a-f]{64} \(kube-system/etcd-node-1\)\n", run.Output);
        Assert.Equal(1, await Pods.SandboxCountAsync());
        Assert.Equal(2, MountsUnder(KubeletDir).Count);
        Assert.True(File.Exists(Path.Combine(KubeletDir, "config.yaml")));
    }

    [Fact]
    public async Task Should_ShowStateRestartsExitCodeAndLastLogLines_When_AControlPlaneContainerExited()
    {
        await Pods.RunAsync("kube-system", "etcd-node-1", "etcd", SleepImage, "/bin/sleep", "infinity");
        var apiserver = await Pods.RunAsync("kube-system", "kube-apiserver-node-1", "kube-apiserver", ShellImage, "/bin/sh", "-c", "echo starting; echo 'E bind: address already in use' >&2; exit 3");
        await using var runtime = CriContainerRuntime.For(new PhysicalFileSystem(_rootfs), NodeSocket);
        for (var attempt = 0; attempt < 100 && (await runtime.ContainerStatusAsync(apiserver, default)).State != Core.Runtime.ContainerRunState.Exited; attempt++)
        {
            await Task.Delay(100);
        }

        // containerd copies the output to the log file asynchronously; the report reads whatever is there.
        var logPath = (await runtime.ContainerStatusAsync(apiserver, default)).LogPath;
        for (var attempt = 0; attempt < 50 && !(File.Exists(logPath) && await File.ReadAllTextAsync(logPath) is var log && log.Contains("address already in use") && log.Contains("starting")); attempt++)
        {
            await Task.Delay(100);
        }

        var report = await ControlPlaneContainerReport.BuildAsync(runtime, new PhysicalFileSystem("/"), ["kube-apiserver"], default);

        var lines = report.Split('\n');
        Assert.Matches(@"^\t[0-9a-f]{13} +etcd +Running +0 +- +kube-system/etcd-node-1$", lines.Single(line => line.Contains(" etcd ")));
        Assert.Matches(@"^\t[0-9a-f]{13} +kube-apiserver +Exited +0 +3 +kube-system/kube-apiserver-node-1$", lines.Single(line => line.Contains(" kube-apiserver ") && line.Contains("kube-system/")));
        Assert.Contains("[control-plane-check] Last lines of the kube-apiserver log (container " + apiserver[..13], report);
        // stdout and stderr reach the log through separate streams, so their order is not fixed.
        Assert.True(report.Contains("\tstarting\n", StringComparison.Ordinal), report);
        Assert.True(report.Contains("\tE bind: address already in use\n", StringComparison.Ordinal), report);
        Assert.DoesNotContain("Last lines of the etcd log", report);
    }

    /// <summary>A bind mount (an emptyDir-like volume whose source must survive) and a tmpfs (a projected token) under the kubelet dir.</summary>
    private async Task<string> MountVolumesAsync()
    {
        var source = Path.Combine(_rootfs, "volume-source");
        Directory.CreateDirectory(source);
        await File.WriteAllTextAsync(Path.Combine(source, "data.txt"), "keep me\n");
        var bind = Path.Combine(KubeletDir, "pods/p1/volumes/kubernetes.io~empty-dir/data");
        var token = Path.Combine(KubeletDir, "pods/p1/volumes/kubernetes.io~projected/token");
        Directory.CreateDirectory(bind);
        Directory.CreateDirectory(token);
        await File.WriteAllTextAsync(Path.Combine(KubeletDir, "config.yaml"), "kind: KubeletConfiguration\n");
        await HostTool.RunCheckedAsync("/bin/mount", ["--bind", source, bind], TimeSpan.FromSeconds(10));
        await HostTool.RunCheckedAsync("/bin/mount", ["-t", "tmpfs", "tmpfs", token], TimeSpan.FromSeconds(10));
        Assert.Equal(2, MountsUnder(KubeletDir).Count);
        return source;
    }

    private static List<string> MountsUnder(string directory) =>
        [.. File.ReadAllLines("/proc/mounts").Select(line => line.Split(' ')[1]).Where(point => point.StartsWith(directory + "/", StringComparison.Ordinal))];
}
