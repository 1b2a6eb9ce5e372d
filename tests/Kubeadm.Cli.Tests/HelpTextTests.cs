namespace Kubeadm.Cli.Tests;

/// <summary>The help is written for this project (not kubeadm's banner), while command, phase and flag names stay kubeadm's.</summary>
public sealed class HelpTextTests
{
    [Fact]
    public async Task Should_ShowOurOwnBannerAndKubeadmsCommands_When_TopLevelHelpIsAsked()
    {
        var run = await new CliHarness().RunAsync("--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("kubeadm for .NET: set up a Kubernetes control-plane node with one command.", run.Output);
        Assert.DoesNotContain("github.com/kubernetes/kubeadm", run.Output);
        Assert.DoesNotContain("Please give us feedback", run.Output);
        Assert.DoesNotContain("Phases of \"init\"", run.Output);
        foreach (var command in new[] { "init", "certs", "config", "token", "reset", "version" })
        {
            Assert.Matches($"\n  ([a-z]+, )?{command} +[A-Z]", run.Output);
        }
    }

    [Theory]
    [InlineData(new[] { "token", "--help" }, "Bootstrap tokens let a new node and the cluster trust each other")]
    [InlineData(new[] { "init", "phase", "bootstrap-token", "--help" }, "Creates the first bootstrap token")]
    [InlineData(new[] { "init", "phase", "addon", "coredns", "--help" }, "Its Pods stay Pending until a pod network")]
    public async Task Should_ShowOurOwnLongText_When_ACommandsHelpIsAsked(string[] args, string expected)
    {
        var run = await new CliHarness().RunAsync(args);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(expected, run.Output);
        Assert.DoesNotContain("This command will", run.Output);
    }
}
