using System.CommandLine;

namespace Kubeadm.Cli.Tests;

/// <summary>
/// The --help of every command of the real command tree, rendered in process: each command group lists its
/// sub-commands one line each, and no help repeats kubeadm's own prose.
/// </summary>
public sealed class HelpTreeTests
{
    /// <summary>Distinctive sentences of kubeadm's help; learning its facts is fine, copying its wording is not.</summary>
    private static readonly string[] KubeadmSentences =
    [
        "bidirectional trust",
        "Run this command in order to",
        "Run this on any machine you wish to join",
        "Performs a best effort revert of changes made to this host",
        "Upgrade your cluster smoothly to a newer version with this command",
        "This command is not meant to be run on its own",
        "Use this command to invoke single phase of",
        "command executes the following phases",
        "Commands related to handling Kubernetes certificates",
        "Manage configuration for a kubeadm cluster persisted in a ConfigMap",
        "Kubeconfig file utilities",
        "Output shell completion code for the specified shell",
        "If empty kubeadm will try to auto-detect this value",
        "The path where to save and store the certificates",
        "Don't apply any changes; just output what would be done",
        "A list of checks whose errors will be shown as warnings",
        "This will cause kubeadm to chroot into the provided path",
        "number for the log level verbosity",
        "to provision identities for",
        "If both files already exist, kubeadm skips the generation step",
        "Install required addons for passing conformance tests",
        "a set of standard locations can be searched",
        "they match the patch formats supported by kubectl",
        "Write a file with KubeletConfiguration and an environment file",
        "Check which versions are available to upgrade to and validate whether",
    ];

    public static TheoryData<string> CommandPaths() => [.. AllPaths()];

    [Theory]
    [MemberData(nameof(CommandPaths))]
    public async Task Should_NotRepeatKubeadmsProse_When_AnyCommandsHelpIsShown(string path)
    {
        var run = await new CliHarness().RunAsync([.. Words(path), "--help"]);

        Assert.Equal(0, run.ExitCode);
        foreach (var sentence in KubeadmSentences)
        {
            Assert.DoesNotContain(sentence, run.Output, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Theory]
    [MemberData(nameof(CommandPaths))]
    public async Task Should_ListEachSubcommandOnOneLine_When_ACommandsHelpIsShown(string path)
    {
        var command = Find(Words(path));
        var run = await new CliHarness().RunAsync([.. Words(path), "--help"]);

        var listed = CommandsSection(run.Output);
        var visible = command.Subcommands.Where(c => !c.Hidden).ToList();
        Assert.Equal(visible.Count, listed.Count);
        foreach (var subcommand in visible)
        {
            Assert.False(string.IsNullOrWhiteSpace(subcommand.Description), $"\"{path} {subcommand.Name}\" has no description");
            Assert.DoesNotContain('\n', subcommand.Description);
            Assert.Single(listed, line => line.TrimStart().Split(' ')[0].TrimEnd(',') is var first
                && (first == subcommand.Name || subcommand.Aliases.Contains(first)));
        }
    }

    [Fact]
    public async Task Should_ExplainDiscoveryAndTlsBootstrapInOurWords_When_JoinHelpIsShown()
    {
        var top = await new CliHarness().RunAsync("--help");
        var join = await new CliHarness().RunAsync("join", "--help");

        Assert.Single(CommandsSection(top.Output), line => line.StartsWith("  join ", StringComparison.Ordinal));
        Assert.DoesNotContain("--discovery-token-ca-cert-hash", top.Output, StringComparison.Ordinal);
        foreach (var fact in new[]
        {
            "--discovery-token-ca-cert-hash", "--discovery-token-unsafe-skip-ca-verification", "--discovery-file https://",
            "--tls-bootstrap-token", "--token sets both tokens", "--certificate-key", "Phases of \"join [api-server-endpoint]\"",
        })
        {
            Assert.Contains(fact, join.Output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Should_WalkEveryCommandGroup_When_TheTreeIsListed()
    {
        var paths = AllPaths();

        foreach (var group in new[] { "", "certs", "config", "config images", "token", "upgrade", "kubeconfig", "reset phase", "init phase certs" })
        {
            Assert.Contains(group, paths);
        }
    }

    /// <summary>Every command of the tree as its words after "kubeadm" ("" for kubeadm itself).</summary>
    private static List<string> AllPaths() =>
        [.. Walk(KubeadmCli.Create(KubeadmCli.RealHost(TextWriter.Null, TextWriter.Null)), []).Select(path => string.Join(' ', path))];

    private static IEnumerable<string[]> Walk(Command command, string[] path)
    {
        yield return path;
        foreach (var subcommand in command.Subcommands.Where(c => !c.Hidden))
        {
            foreach (var below in Walk(subcommand, [.. path, subcommand.Name]))
            {
                yield return below;
            }
        }
    }

    private static string[] Words(string path) => path.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static Command Find(string[] words)
    {
        Command command = KubeadmCli.Create(KubeadmCli.RealHost(TextWriter.Null, TextWriter.Null));
        foreach (var word in words)
        {
            command = command.Subcommands.Single(c => c.Name == word);
        }

        return command;
    }

    /// <summary>The lines of the help's "Commands:" section (up to the next blank line or the end).</summary>
    private static List<string> CommandsSection(string help)
    {
        var lines = help.Replace("\r", "", StringComparison.Ordinal).Split('\n');
        return [.. lines.SkipWhile(l => l != "Commands:").Skip(1).TakeWhile(l => l.Trim().Length > 0)];
    }
}
