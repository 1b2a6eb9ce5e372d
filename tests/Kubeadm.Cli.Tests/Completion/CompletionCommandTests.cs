namespace Kubeadm.Cli.Tests.Completion;

public sealed class CompletionCommandTests
{
    [Theory]
    [InlineData(new string[0], "shell not specified")]
    [InlineData(new[] { "bash", "zsh" }, "too many arguments. expected only the shell type")]
    [InlineData(new[] { "fish" }, "unsupported shell type \"fish\"; supported: bash, zsh")]
    public async Task Should_FailWithKubeadmsMessage_When_TheShellArgumentIsWrong(string[] shells, string message)
    {
        var run = await new CliHarness().RunAsync(["completion", .. shells]);

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith(message + "\n", run.Error);
        Assert.Equal("", run.Output);
    }

    [Theory]
    [InlineData("bash", "complete -o default -F _kubeadm kubeadm")]
    [InlineData("zsh", "compdef _kubeadm kubeadm")]
    public async Task Should_PrintAScriptBuiltFromTheCommandTree_When_AShellIsNamed(string shell, string registration)
    {
        var run = await new CliHarness().RunAsync("completion", shell);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(registration, run.Output);
        Assert.Contains("'kubeadm init phase/bootstrap-token'|'kubeadm init phase/bootstraptoken') printf '%s\\n' bootstrap-token ;;", run.Output);
        Assert.DoesNotContain("-?", run.Output);
    }

    [Fact]
    public async Task Should_ShowItsLongHelp_When_AskedForHelp()
    {
        var run = await new CliHarness().RunAsync("completion", "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("source <(kubeadm completion bash)", run.Output);
    }
}
