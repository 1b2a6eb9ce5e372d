using Kubeadm.App.Plan;
using Kubeadm.Core.Plan;

namespace Kubeadm.Cli.Tests;

/// <summary>`kubeadm init --plan` on an in-memory node: what it prints, its exit codes, and that it writes nothing.</summary>
public sealed class InitPlanCommandTests
{
    [Fact]
    public async Task Should_ListEverythingToCreate_And_WriteNothing_When_TheNodeIsFresh()
    {
        var cli = new CliHarness();
        var run = await cli.RunAsync("init", "--plan", "--node-name", "cp-1", "--ignore-preflight-errors=all");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("(nothing was changed)", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^  create +/etc/kubernetes/pki/ca\.crt +\[certs/ca\]$", run.Output);
        Assert.Matches(@"(?m)^  create +configmaps kube-system/kubeadm-config +\[upload-config/kubeadm\]$", run.Output);
        Assert.Contains("no conflicts: the run can proceed", run.Output, StringComparison.Ordinal);
        Assert.False(cli.FileSystem.DirectoryExists("/etc/kubernetes/pki"));
        Assert.False(cli.FileSystem.DirectoryExists("/var/lib/kubelet"));
        Assert.Empty(cli.Services.Calls);
    }

    [Fact]
    public async Task Should_Exit2WithTheFileAndTheFix_When_AnExistingCertificateLacksANewSan()
    {
        var cli = new CliHarness();
        Assert.Equal(0, (await cli.RunAsync("init", "phase", "certs", "all", "--node-name", "cp-1")).ExitCode);
        var certificate = cli.FileSystem.ReadAllBytes("/etc/kubernetes/pki/apiserver.crt");

        var run = await cli.RunAsync("init", "--plan", "--node-name", "cp-1", "--apiserver-cert-extra-sans", "new.example", "--ignore-preflight-errors=all", "-o", "json");

        Assert.Equal(2, run.ExitCode);
        var plan = NodePlanJson.Parse(run.Output)!;
        Assert.False(plan.CanProceed);
        var conflict = Assert.Single(plan.Conflicts);
        Assert.Equal("/etc/kubernetes/pki/apiserver.crt", conflict.Name);
        Assert.Contains("new.example", conflict.Reason, StringComparison.Ordinal);
        Assert.Contains("kubeadm init phase certs apiserver", conflict.Fix, StringComparison.Ordinal);
        Assert.Contains(plan.Items, i => i.Name == "/etc/kubernetes/pki/ca.crt" && i.Action == PlanAction.Unchanged);
        Assert.Contains(plan.Phases, p => p.Name == "certs/ca" && p.State == PhasePlanState.NothingToDo);
        Assert.Equal(certificate, cli.FileSystem.ReadAllBytes("/etc/kubernetes/pki/apiserver.crt"));
        Assert.Contains("\"action\": \"conflict\"", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Refuse_When_CombinedWithDryRun()
    {
        var run = await new CliHarness().RunAsync("init", "--plan", "--dry-run");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("--plan and --dry-run cannot be used together", run.Error, StringComparison.Ordinal);
    }
}
