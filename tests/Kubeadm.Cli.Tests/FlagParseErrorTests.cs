namespace Kubeadm.Cli.Tests;

/// <summary>Command-line mistakes get pflag/cobra's wording, exit 1 and no help dump.</summary>
public sealed class FlagParseErrorTests
{
    private const string StackTraceHint = "To see the stack trace of this error execute with --v=5 or higher\n";

    [Theory]
    [InlineData(new[] { "init", "--apiserver-bind-port", "99999999999999999999" }, "invalid argument \"99999999999999999999\" for \"--apiserver-bind-port\" flag: strconv.ParseInt: parsing \"99999999999999999999\": value out of range")]
    [InlineData(new[] { "init", "--apiserver-bind-port=2147483648" }, "invalid argument \"2147483648\" for \"--apiserver-bind-port\" flag: strconv.ParseInt: parsing \"2147483648\": value out of range")]
    [InlineData(new[] { "init", "--apiserver-bind-port", "64k" }, "invalid argument \"64k\" for \"--apiserver-bind-port\" flag: strconv.ParseInt: parsing \"64k\": invalid syntax")]
    [InlineData(new[] { "init", "--dry-run=maybe" }, "invalid argument \"maybe\" for \"--dry-run\" flag: strconv.ParseBool: parsing \"maybe\": invalid syntax")]
    [InlineData(new[] { "reset", "-f=x" }, "invalid argument \"x\" for \"-f, --force\" flag: strconv.ParseBool: parsing \"x\": invalid syntax")]
    [InlineData(new[] { "version", "--v", "abc" }, "invalid argument \"abc\" for \"-v, --v\" flag: strconv.ParseInt: parsing \"abc\": invalid syntax")]
    [InlineData(new[] { "init", "--apiserver-bind-port" }, "flag needs an argument: --apiserver-bind-port")]
    [InlineData(new[] { "init", "--bogus=1" }, "unknown flag: --bogus")]
    [InlineData(new[] { "reset", "-x" }, "unknown shorthand flag: 'x' in -x")]
    [InlineData(new[] { "init", "foo" }, "unknown command \"foo\" for \"kubeadm init\"")]
    [InlineData(new[] { "init", "--dry-run", "false" }, "unknown command \"false\" for \"kubeadm init\"")]
    [InlineData(new[] { "certs", "renew", "foo" }, "invalid subcommand \"foo\"\nSee 'kubeadm certs renew -h' for help and examples")]
    [InlineData(new[] { "ini" }, "unknown command \"ini\" for \"kubeadm\"\n\nDid you mean this?\n\tinit\n")]
    public async Task Should_ReportPflagWordingAndExit1WithoutHelp_When_TheCommandLineDoesNotParse(string[] args, string expected)
    {
        var harness = new CliHarness();

        var run = await harness.RunAsync(args);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(expected + "\n" + StackTraceHint, run.Error);
        Assert.Equal("", run.Output);
        Assert.Empty(harness.FileSystem.ListAllFiles());
    }

    [Fact]
    public async Task Should_AcceptGoIntegerAndBoolSpellings_When_FlagsUseThem()
    {
        var run = await new CliHarness().RunAsync("init", "phase", "control-plane", "apiserver", "--apiserver-bind-port=0x1A0B", "--dry-run=1");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("--secure-port=6667", run.Output);
    }

    [Fact]
    public async Task Should_PrintTheGroupHelpAndExit1_When_AGroupCommandRunsWithoutASubcommand()
    {
        var run = await new CliHarness().RunAsync("certs", "renew");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("apiserver-etcd-client", run.Output);
        Assert.Equal("", run.Error);
    }
}
