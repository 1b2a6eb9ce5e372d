using System.CommandLine;
using System.CommandLine.Parsing;

namespace Kubeadm.Cli.Parsing;

/// <summary>
/// Turns System.CommandLine's parse errors into the first error pflag/cobra would report for the same command line,
/// in their words: unknown flag, unknown shorthand flag, flag needs an argument, invalid argument, unknown command.
/// </summary>
public static class ParseErrorWording
{
    public static string Describe(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var unmatched = parse.UnmatchedTokens;
        foreach (var error in parse.Errors)
        {
            switch (error.SymbolResult)
            {
                case ArgumentResult { Parent: OptionResult } when error.Message.StartsWith("invalid argument ", StringComparison.Ordinal):
                    return error.Message;
                case OptionResult option when option.Tokens.Count == 0 && option.Option.Arity.MinimumNumberOfValues > 0:
                    return $"flag needs an argument: {option.IdentifierToken?.Value ?? option.Option.Name}";
                case ArgumentResult { Parent: OptionResult option } when option.Tokens.Count == 0:
                    return $"flag needs an argument: {option.IdentifierToken?.Value ?? option.Option.Name}";
            }
        }

        if (unmatched.Count > 0)
        {
            return Unmatched(parse.CommandResult.Command, unmatched);
        }

        return parse.Errors[0].Message;
    }

    /// <summary>
    /// A command that only groups sub-commands, run without one: kubeadm prints its help and exits 1
    /// (cmdutil.SubCmdRun). Returns the words that name it, or null.
    /// </summary>
    public static IReadOnlyList<string>? MissingSubcommand(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var command = parse.CommandResult.Command;
        if (parse.UnmatchedTokens.Count > 0 || command.Subcommands.Count == 0 || command.Action is not null
            || !parse.Errors.Any(e => e.SymbolResult is CommandResult))
        {
            return null;
        }

        return [.. CommandNames(command).Skip(1)];
    }

    private static string Unmatched(Command command, IReadOnlyList<string> tokens)
    {
        var token = tokens[0];
        if (token.StartsWith("--", StringComparison.Ordinal))
        {
            var equals = token.IndexOf('=', StringComparison.Ordinal);
            return $"unknown flag: {(equals < 0 ? token : token[..equals])}";
        }

        if (token.Length > 1 && token[0] == '-')
        {
            return $"unknown shorthand flag: '{token[1]}' in {token}";
        }

        if (command is not RootCommand && command.Subcommands.Count > 0 && command.Action is null)
        {
            return $"invalid subcommand {GoStrconv.Quote(string.Join(' ', tokens))}\nSee '{CommandPath(command)} -h' for help and examples";
        }

        return $"unknown command {GoStrconv.Quote(token)} for {GoStrconv.Quote(CommandPath(command))}{Suggestions(command, token)}";
    }

    private static string CommandPath(Command command) => string.Join(' ', CommandNames(command));

    private static List<string> CommandNames(Command command)
    {
        var names = new List<string>();
        for (var current = command; current is not null; current = current.Parents.OfType<Command>().FirstOrDefault())
        {
            names.Insert(0, current is RootCommand ? "kubeadm" : current.Name);
        }

        return names;
    }

    /// <summary>cobra's "Did you mean this?" list (root command only): sub-commands within two edits of the typo, or starting with it.</summary>
    private static string Suggestions(Command command, string typed)
    {
        if (command is not RootCommand)
        {
            return "";
        }

        var close = command.Subcommands
            .Where(c => !c.Hidden && (Distance(typed.ToLowerInvariant(), c.Name) <= 2 || c.Name.StartsWith(typed, StringComparison.OrdinalIgnoreCase)))
            .Select(c => c.Name)
            .ToList();
        return close.Count == 0 ? "" : "\n\nDid you mean this?\n" + string.Concat(close.Select(n => $"\t{n}\n"));
    }

    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            previous = current;
        }

        return previous[b.Length];
    }
}
