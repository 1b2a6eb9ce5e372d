using Kubeadm.Core.Host;

namespace Kubeadm.Cli.Tests;

public sealed class ResetCommandTests
{
    // The tests may run as a normal user; the root check is covered in Kubeadm.App.Tests.
    private const string NotRootIsFine = "--ignore-preflight-errors=IsPrivilegedUser";

    [Fact]
    public async Task Should_ListThePhasesAndFlags_When_ResetHelpIsAsked()
    {
        var run = await new CliHarness().RunAsync("reset", "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Undo on this machine what \"kubeadm init\" or \"kubeadm join\" set up", run.Output);
        Assert.Contains("Phases of \"reset\", in the order they run:", run.Output);
        foreach (var text in new[] { "preflight", "remove-etcd-member", "cleanup-node", "--force", "--cert-dir", "--cleanup-tmp-dir", "--cri-socket", "--skip-phases", "--kubeconfig" })
        {
            Assert.Contains(text, run.Output);
        }
    }

    [Fact]
    public async Task Should_ResetAndPrintTheClosingNotes_When_Forced()
    {
        var harness = WithInitState();

        var run = await harness.RunAsync("reset", "-f", NotRootIsFine);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("[reset] Stopping the kubelet service\n", run.Output);
        Assert.Contains("[reset] Deleting contents of directories: [/etc/kubernetes/manifests /var/lib/kubelet /etc/kubernetes/pki]\n", run.Output);
        Assert.EndsWith("    https://k8s.io/docs/reference/setup-tools/kubeadm/kubeadm-reset/\n\n", run.Output);
        Assert.Equal(["/proc/mounts"], harness.FileSystem.ListAllFiles());
        Assert.Contains(harness.Services.Calls, call => call is { Action: ServiceAction.Stop, Unit: "kubelet" });
    }

    [Fact]
    public async Task Should_AbortWithKubeadmsError_When_TheAnswerIsNo()
    {
        var harness = WithInitState();
        harness.Stdin.Enqueue("n");

        var run = await harness.RunAsync("reset", NotRootIsFine);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("[reset] Are you sure you want to proceed? [y/N]: ", run.Output);
        Assert.Contains("error execution phase preflight: won't proceed; the user didn't answer (Y|y) in order to continue", run.Error);
        Assert.Contains("/etc/kubernetes/admin.conf", harness.FileSystem.ListAllFiles());
    }

    [Fact]
    public async Task Should_TellToPassForce_When_ThereIsNoStandardInput()
    {
        var harness = WithInitState();

        var run = await harness.RunAsync("reset", NotRootIsFine);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("pass --force (-f)", run.Error);
        Assert.Contains("/etc/kubernetes/admin.conf", harness.FileSystem.ListAllFiles());
    }

    [Fact]
    public async Task Should_Reset_When_TheAnswerIsY()
    {
        var harness = WithInitState();
        harness.Stdin.Enqueue("y");

        var run = await harness.RunAsync("reset", NotRootIsFine);

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain("/etc/kubernetes/admin.conf", harness.FileSystem.ListAllFiles());
    }

    [Fact]
    public async Task Should_RejectAndTouchNothing_When_SkipPhasesNamesAnUnknownPhase()
    {
        var harness = WithInitState();

        var run = await harness.RunAsync("reset", "-f", "--skip-phases", "cleanup", NotRootIsFine);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("--skip-phases", run.Error);
        Assert.Contains("preflight, remove-etcd-member, cleanup-node", run.Error);
        Assert.Equal(4, harness.FileSystem.ListAllFiles().Count);
    }

    [Fact]
    public async Task Should_DeleteNothing_When_ThePhaseRunsWithDryRun()
    {
        var harness = WithInitState();

        var run = await harness.RunAsync("reset", "phase", "cleanup-node", "--dry-run", "--cert-dir", "/srv/pki");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("[reset] Would delete contents of directories: [/etc/kubernetes/manifests /var/lib/kubelet /srv/pki]\n", run.Output);
        Assert.DoesNotContain("The reset process", run.Output);
        Assert.Equal(4, harness.FileSystem.ListAllFiles().Count);
        Assert.Empty(harness.Services.Calls);
    }

    [Fact]
    public async Task Should_Fail_When_AnUnknownPhaseIsInvoked()
    {
        var run = await WithInitState().RunAsync("reset", "phase", "remove-everything");

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("unknown command \"remove-everything\" for \"kubeadm reset phase\"\n", run.Error, StringComparison.Ordinal);
    }

    private static CliHarness WithInitState()
    {
        var harness = new CliHarness();
        harness.FileSystem.WriteAllText("/etc/kubernetes/admin.conf", "not a kubeconfig\n", FileModes.Private);
        harness.FileSystem.WriteAllText("/etc/kubernetes/pki/ca.crt", "ca\n", FileModes.Private);
        harness.FileSystem.WriteAllText("/var/lib/kubelet/config.yaml", "kind: KubeletConfiguration\n", FileModes.Private);
        harness.FileSystem.WriteAllText("/proc/mounts", "", FileModes.Private);
        return harness;
    }
}
