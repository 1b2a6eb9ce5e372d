using Kubeadm.App.Preflight;
using Kubeadm.Core.Preflight;
using Kubeadm.Core.Runtime;

namespace Kubeadm.App.Tests.Preflight;

public sealed class PreflightPhaseTests
{
    [Fact]
    public async Task Should_PullEveryMissingImageInListOrder_When_TheHostIsHealthy()
    {
        var host = new HealthyHost();
        host.Runtime.SandboxImage = "registry.k8s.io/pause:3.10.1";
        host.Runtime.WithImages(["registry.k8s.io/kube-proxy:v1.34.2"]);
        var context = host.Context();

        await PreflightPhase.RunAsync(context, default);

        Assert.Equal("[preflight] Running pre-flight checks\n" + string.Join("", ImagePullCheck.Intro.Select(line => line + "\n")), host.Out.ToString());
        Assert.Equal("", host.Err.ToString());
        Assert.Equal(
            [
                "registry.k8s.io/kube-apiserver:v1.34.2", "registry.k8s.io/kube-controller-manager:v1.34.2", "registry.k8s.io/kube-scheduler:v1.34.2",
                "registry.k8s.io/coredns/coredns:v1.12.1", "registry.k8s.io/pause:3.10.1", "registry.k8s.io/etcd:3.6.5-0",
            ],
            host.Runtime.Pulls);
    }

    [Fact]
    public async Task Should_PullEvenPresentImages_When_PolicyIsAlways()
    {
        var host = new HealthyHost();
        host.Config.Init.NodeRegistration.ImagePullPolicy = "Always";
        host.Config.Init.NodeRegistration.ImagePullSerial = false;
        host.Runtime.WithImages(["registry.k8s.io/kube-proxy:v1.34.2"]);

        await PreflightPhase.RunAsync(host.Context(), default);

        Assert.Equal(7, host.Runtime.Pulls.Count);
        Assert.Contains("detected that the sandbox image \"\" of the container runtime is inconsistent", host.Err.ToString());
    }

    [Fact]
    public async Task Should_FailNamingEachAbsentImage_When_PolicyIsNever()
    {
        var host = new HealthyHost();
        host.Config.Init.NodeRegistration.ImagePullPolicy = "Never";
        host.Runtime.WithImages(Kubeadm.Core.Images.ControlPlaneImages.List(host.Config.Cluster, _ => { }).Where(image => !image.Contains("etcd")));

        await Assert.ThrowsAsync<PreflightFailedException>(() => PreflightPhase.RunAsync(host.Context(), default));

        Assert.Contains(
            "\t[ERROR ImagePull]: image registry.k8s.io/etcd:3.6.5-0 is not present on the node and nodeRegistration.imagePullPolicy is Never",
            host.Err.ToString() + host.Out.ToString());
        Assert.Empty(host.Runtime.Pulls);
    }

    [Fact]
    public async Task Should_NameTheImageAndTheRegistryAnswer_When_APullFails()
    {
        var host = new HealthyHost();
        host.Runtime.PullFailures["registry.k8s.io/etcd:3.6.5-0"] = "rpc error: code = NotFound desc = registry.k8s.io/etcd:3.6.5-0: not found";

        await Assert.ThrowsAsync<PreflightFailedException>(() => PreflightPhase.RunAsync(host.Context(), default));

        Assert.Contains(
            "\t[ERROR ImagePull]: failed to pull image registry.k8s.io/etcd:3.6.5-0: failed to pull image registry.k8s.io/etcd:3.6.5-0: "
            + "rpc error: code = NotFound desc = registry.k8s.io/etcd:3.6.5-0: not found",
            host.Err.ToString() + host.Out.ToString());
        Assert.Equal(6 + ImagePuller.PullAttempts, host.Runtime.Pulls.Count);
    }

    [Fact]
    public async Task Should_RunTheChecksAndWriteNothing_When_DryRun()
    {
        var host = new HealthyHost();
        var files = host.FileSystem.ListAllFiles();
        var context = host.Context(dryRun: true);

        await PreflightPhase.RunAsync(context, default);

        Assert.Equal("[preflight] Running pre-flight checks\n" + PreflightPhase.WouldPullImages + "\n", host.Out.ToString());
        Assert.Equal(files, host.FileSystem.ListAllFiles());
        Assert.Contains("kubelet --version", host.Host.Commands);
    }

    [Fact]
    public async Task Should_StopAfterTheRootCheck_When_NotRoot()
    {
        var host = new HealthyHost();
        host.Host.IsPrivilegedUser = false;
        host.Host.ProcessorCount = 1;
        var context = host.Context();

        var error = await Assert.ThrowsAsync<PreflightFailedException>(() => PreflightPhase.RunAsync(context, default));

        Assert.Equal("preflight checks failed", error.Message);
        Assert.StartsWith(
            "[preflight] Some fatal errors occurred:\n\t[ERROR IsPrivilegedUser]: user is not running as root\n"
            + PreflightChecksRunner.IgnoreHint + "\n",
            host.Err.ToString());
        Assert.DoesNotContain("NumCPU", host.Err.ToString());
        Assert.Empty(host.Host.Commands);
    }

    [Fact]
    public async Task Should_PrintKubeadmsErrorBlockAndAFixSummary_When_ChecksFail()
    {
        var host = new HealthyHost();
        host.Host.ProcessorCount = 1;
        host.Host.Executables.Remove("socat");
        host.Host.BusyPorts.Add(10250);
        var context = host.Context();

        await Assert.ThrowsAsync<PreflightFailedException>(() => PreflightPhase.RunAsync(context, default));

        Assert.Equal(
            "\t[WARNING FileExisting-socat]: socat not found in system path\n"
            + "[preflight] Some fatal errors occurred:\n"
            + "\t[ERROR NumCPU]: the number of available CPUs 1 is less than the required 2\n"
            + "\t[ERROR Port-10250]: Port 10250 is in use\n"
            + "[preflight] If you know what you are doing, you can make a check non-fatal with `--ignore-preflight-errors=...`\n"
            + "[preflight] How to fix the 2 failed check(s):\n"
            + "\t- NumCPU: give the machine at least 2 CPUs\n"
            + "\t- Port-10250: stop the process listening on port 10250 (see: ss -ltnp), or run 'kubeadm reset' if it is a previous cluster\n",
            host.Err.ToString());
    }

    [Theory]
    [InlineData("numcpu,port-10250")]
    [InlineData("all")]
    public async Task Should_TurnErrorsIntoWarnings_When_TheChecksAreIgnored(string ignored)
    {
        var host = new HealthyHost();
        host.Host.ProcessorCount = 1;
        host.Host.BusyPorts.Add(10250);
        host.Config.Init.NodeRegistration.IgnorePreflightErrors = [.. ignored.Split(',')];
        var context = host.Context();

        await PreflightPhase.RunAsync(context, default);

        Assert.StartsWith(
            "\t[WARNING NumCPU]: the number of available CPUs 1 is less than the required 2\n"
            + "\t[WARNING Port-10250]: Port 10250 is in use\n",
            host.Err.ToString());
        Assert.DoesNotContain("[ERROR", host.Err.ToString());
    }

    [Fact]
    public async Task Should_PullNothingAndNotCheckTheSandboxImage_When_ThePullPolicyIsNeverAndTheImagesArePresent()
    {
        var host = new HealthyHost();
        host.Config.Init.NodeRegistration.ImagePullPolicy = "Never";
        host.Runtime.WithImages(Kubeadm.Core.Images.ControlPlaneImages.List(host.Config.Cluster, _ => { }));
        var context = host.Context();

        await PreflightPhase.RunAsync(context, default);

        Assert.Equal("", host.Err.ToString());
        Assert.Empty(host.Runtime.Pulls);
    }
}
