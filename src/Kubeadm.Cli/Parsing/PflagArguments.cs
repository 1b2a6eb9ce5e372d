using System.CommandLine;

namespace Kubeadm.Cli.Parsing;

/// <summary>
/// pflag's boolean flag syntax on top of System.CommandLine: a bool flag takes a value only as `--flag=value`
/// (Go's ParseBool spellings: 1, t, TRUE, false, F, 0 …); `--flag value` leaves `value` as an argument.
/// </summary>
public static class PflagArguments
{
    /// <summary>
    /// Rewrites a bare bool flag to `--flag=true` (so a following word stays an argument) and `--flag=value` to
    /// `--flag=true|false`, or returns pflag's error for a bad value.
    /// </summary>
    public static string[] NormalizeBoolFlags(Command root, IReadOnlyList<string> args, out string? error)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(args);
        error = null;
        var boolFlags = BoolFlagsByAlias(root);
        var normalized = new List<string>(args.Count);
        var afterTerminator = false;
        foreach (var arg in args)
        {
            afterTerminator |= arg == "--";
            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            if (!afterTerminator && equals < 0 && boolFlags.ContainsKey(arg))
            {
                normalized.Add(arg + "=true");
                continue;
            }

            if (afterTerminator || !arg.StartsWith('-') || equals < 0 || !boolFlags.TryGetValue(arg[..equals], out var option))
            {
                normalized.Add(arg);
                continue;
            }

            var value = arg[(equals + 1)..];
            if (!GoStrconv.TryParseBool(value, out var parsed, out var reason))
            {
                error = PflagOptions.InvalidArgument(option, value, reason);
                return [.. args];
            }

            normalized.Add($"{arg[..equals]}={(parsed ? "true" : "false")}");
        }

        return [.. normalized];
    }

    private static Dictionary<string, Option> BoolFlagsByAlias(Command root)
    {
        var flags = new Dictionary<string, Option>(StringComparer.Ordinal);
        var pending = new Stack<Command>([root]);
        while (pending.Count > 0)
        {
            var command = pending.Pop();
            foreach (var option in command.Options.OfType<Option<bool>>())
            {
                foreach (var alias in option.Aliases.Prepend(option.Name))
                {
                    flags.TryAdd(alias, option);
                }
            }

            foreach (var sub in command.Subcommands)
            {
                pending.Push(sub);
            }
        }

        return flags;
    }
}
