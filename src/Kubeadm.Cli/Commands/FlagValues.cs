using System.CommandLine;
using System.CommandLine.Parsing;

namespace Kubeadm.Cli.Commands;

/// <summary>
/// kubeadm-style flags: string and list options with pflag's help names, and reads that tell "not given" (null) from
/// "given empty", which kubeadm's --config mixing rule and flag-over-config precedence depend on.
/// </summary>
public static class FlagValues
{
    public static Option<string> Text(string name, string description) => new(name) { Description = description, HelpName = "string" };

    public static Option<string[]> List(string name, string description) =>
        new(name) { Description = description, HelpName = "strings", AllowMultipleArgumentsPerToken = false, Arity = ArgumentArity.OneOrMore };

    public static bool Given(ParseResult parse, Option option)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return parse.GetResult(option) is { Implicit: false };
    }

    /// <summary>The names (without dashes) of the flags given on the command line, for kubeadm's flag-over-config rule.</summary>
    public static IReadOnlySet<string> ChangedFlags(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return new HashSet<string>(
            parse.CommandResult.Children.OfType<OptionResult>().Where(o => !o.Implicit).Select(o => o.Option.Name.TrimStart('-')), StringComparer.Ordinal);
    }

    public static string? Get(ParseResult parse, Option<string> option) => Given(parse, option) ? parse.GetValue(option) ?? "" : null;

    /// <summary>kubeadm's list flags take comma-separated values and may be repeated.</summary>
    public static string[]? GetList(ParseResult parse, Option<string[]> option) =>
        Given(parse, option)
            ? [.. (parse.GetValue(option) ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))]
            : null;
}
