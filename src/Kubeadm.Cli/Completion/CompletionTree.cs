using System.CommandLine;
using System.CommandLine.Completions;
using System.Text.RegularExpressions;

namespace Kubeadm.Cli.Completion;

/// <summary>One command of the tree as the shell sees it: its path, the words it accepts and its flags.</summary>
/// <param name="Path">The command path, e.g. "kubeadm init phase certs".</param>
/// <param name="Subcommands">Each visible subcommand's names (canonical name first, then aliases).</param>
/// <param name="ArgumentValues">The fixed values its positional arguments accept (e.g. the shells of `completion`).</param>
/// <param name="Flags">Every visible flag, its own and those inherited from ancestors.</param>
public sealed record CompletionNode(
    string Path,
    IReadOnlyList<IReadOnlyList<string>> Subcommands,
    IReadOnlyList<string> ArgumentValues,
    IReadOnlyList<CompletionFlag> Flags);

/// <summary>A flag: all its spellings, whether it consumes a value, and the fixed values it accepts (if any).</summary>
public sealed record CompletionFlag(IReadOnlyList<string> Names, bool TakesValue, IReadOnlyList<string> Values);

/// <summary>
/// Reads the System.CommandLine tree into the flat data the completion scripts are generated from. Hidden commands and
/// flags are left out, and so is any spelling a shell would treat specially (e.g. the `-?` help alias).
/// </summary>
public static partial class CompletionTree
{
    /// <summary>The program name the scripts complete (the root command's own name is the host executable's).</summary>
    public const string Program = "kubeadm";

    public static IReadOnlyList<CompletionNode> Read(Command root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var nodes = new List<CompletionNode>();
        Visit(root, Program, [], nodes);
        return nodes;
    }

    private static void Visit(Command command, string path, IReadOnlyList<Option> inherited, List<CompletionNode> nodes)
    {
        var visibleSubcommands = command.Subcommands.Where(c => !c.Hidden).ToList();
        var options = command.Options.Concat(inherited).Where(o => !o.Hidden).ToList();
        nodes.Add(new CompletionNode(
            path,
            visibleSubcommands.Select(c => SafeWords(new[] { c.Name }.Concat(c.Aliases))).ToList(),
            SafeWords(command.Arguments.Where(a => !a.Hidden).SelectMany(a => a.GetCompletions(CompletionContext.Empty)).Select(i => i.Label)),
            options.Select(Flag).Where(f => f.Names.Count > 0).ToList()));

        var passedDown = inherited.Concat(command.Options.Where(o => o.Recursive)).ToList();
        foreach (var subcommand in visibleSubcommands)
        {
            Visit(subcommand, path + " " + subcommand.Name, passedDown, nodes);
        }
    }

    private static CompletionFlag Flag(Option option)
    {
        var takesValue = option.Arity.MinimumNumberOfValues > 0;
        var values = takesValue ? SafeWords(option.GetCompletions(CompletionContext.Empty).Select(i => i.Label)) : [];
        return new CompletionFlag(SafeWords(new[] { option.Name }.Concat(option.Aliases)), takesValue, values);
    }

    private static List<string> SafeWords(IEnumerable<string> words) =>
        words.Where(w => ShellSafeWord().IsMatch(w)).Distinct(StringComparer.Ordinal).ToList();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$|^--?[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex ShellSafeWord();
}
