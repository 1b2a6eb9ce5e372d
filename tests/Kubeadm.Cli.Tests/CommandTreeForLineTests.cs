using Kubeadm.Cli.Parsing;

namespace Kubeadm.Cli.Tests;

/// <summary>
/// A command line runs on a tree holding only the top-level command it names: what it prints and its exit code must be
/// exactly what the whole tree gives.
/// </summary>
public sealed class CommandTreeForLineTests
{
    public static TheoryData<string[]> Lines => new()
    {
        Array.Empty<string>(),
        new[] { "--help" },
        new[] { "-h" },
        new[] { "version" },
        new[] { "version", "-o", "short" },
        new[] { "-v", "5", "version", "-o", "yaml" },
        new[] { "--v=1", "version", "-o", "short" },
        new[] { "--rootfs", "/r", "version" },
        new[] { "--rootfs=/r", "version", "-o", "json" },
        new[] { "init", "--help" },
        new[] { "init", "phase" },
        new[] { "init", "phase", "certs", "--help" },
        new[] { "certificates", "--help" },
        new[] { "certs", "check-expiration", "--help" },
        new[] { "config" },
        new[] { "config", "print", "init-defaults" },
        new[] { "token", "generate" },
        new[] { "upgrade", "--help" },
        new[] { "reset", "--help" },
        new[] { "join", "--help" },
        new[] { "kubeconfig", "--help" },
        new[] { "completion", "bash" },
        new[] { "bogus" },
        new[] { "--bogus", "init" },
        new[] { "init", "--bogus-flag" },
        new[] { "init", "--apiserver-bind-port", "99999999999999999999" },
        new[] { "-v" },
        new[] { "-v", "init" },
        new[] { "--", "init" },
    };

    [Theory]
    [MemberData(nameof(Lines))]
    public async Task Should_PrintWhatTheWholeTreePrints_When_OnlyTheNamedCommandIsBuilt(string[] args)
    {
        var whole = await new CliHarness { WholeCommandTree = true }.RunAsync(args);
        var forLine = await new CliHarness().RunAsync(args);

        Assert.Equal(whole.ExitCode, forLine.ExitCode);
        Assert.Equal(whole.Output, forLine.Output);
        Assert.Equal(whole.Error, forLine.Error);
    }

    [Theory]
    [InlineData("init", "init")]
    [InlineData("-v 5 init --dry-run", "init")]
    [InlineData("--rootfs /x certificates renew all", "certificates")]
    [InlineData("--rootfs=/x -v5 token list", "token")]
    [InlineData("--help", null)]
    [InlineData("bogus init", null)]
    [InlineData("-v init", null)]
    [InlineData("-- init", null)]
    [InlineData("completion bash", null)]
    public void Should_FindTheWordTheParserTakesForTheCommand(string line, string? expected)
    {
        var args = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(expected, TopLevelCommandWord.Find(args, ["init", "certs", "certificates", "token"], new Commands.GlobalFlags().Names));
    }
}
