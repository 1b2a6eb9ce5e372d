using System.CommandLine;
using System.CommandLine.Parsing;

namespace Kubeadm.Cli.Parsing;

/// <summary>
/// Numeric options parsed as pflag parses them (Go's strconv rules), failing with pflag's
/// `invalid argument "v" for "--name" flag: …` wording.
/// </summary>
public static class PflagOptions
{
    /// <summary>A pflag int32 flag (strconv.ParseInt(value, 0, 32)); null when not given.</summary>
    public static Option<int?> Int32Flag(string name, string description) => new(name)
    {
        HelpName = "int32",
        Description = description,
        CustomParser = result => ParseInt32(result, numberBase: 0),
    };

    /// <summary>klog's -v/--v Level (strconv.ParseInt(value, 10, 32)), accepted by every command.</summary>
    public static Option<int> Level(string name, string shorthand, string description) => new(name, shorthand)
    {
        HelpName = "Level",
        Description = description,
        CustomParser = result => ParseInt32(result, numberBase: 10) ?? 0,
        Recursive = true,
    };

    /// <summary>pflag's name for a flag in errors: "--name", or "-s, --name" when it has a one-letter shorthand.</summary>
    public static string DisplayName(Option option)
    {
        ArgumentNullException.ThrowIfNull(option);
        var shorthand = option.Aliases.FirstOrDefault(a => a.Length == 2 && a[0] == '-' && a[1] != '-');
        return shorthand is null ? option.Name : $"{shorthand}, {option.Name}";
    }

    public static string InvalidArgument(Option option, string value, string reason) =>
        $"invalid argument {GoStrconv.Quote(value)} for {GoStrconv.Quote(DisplayName(option))} flag: {reason}";

    private static int? ParseInt32(ArgumentResult result, int numberBase)
    {
        int? value = null;
        foreach (var token in result.Tokens)
        {
            if (!GoStrconv.TryParseInt(token.Value, numberBase, 32, out var parsed, out var error))
            {
                var option = ((OptionResult)result.Parent!).Option;
                result.AddError(InvalidArgument(option, token.Value, error));
                return null;
            }

            value = (int)parsed;
        }

        return value;
    }
}
