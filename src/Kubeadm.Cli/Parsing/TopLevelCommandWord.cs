namespace Kubeadm.Cli.Parsing;

/// <summary>The top-level command word of a command line, found the way the parser will find it.</summary>
public static class TopLevelCommandWord
{
    /// <summary>
    /// The first word that is neither a flag nor the value of one of <paramref name="rootFlagsWithValue"/> (the root's
    /// flags that may take their value as the next word; pflag also takes --rootfs=X, -v=5 and -v5), when it is one of
    /// <paramref name="commands"/>; null otherwise (no command word, an unknown one, or anything after "--").
    /// </summary>
    public static string? Find(IReadOnlyList<string> args, IEnumerable<string> commands, IReadOnlyCollection<string> rootFlagsWithValue)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(rootFlagsWithValue);
        for (var i = 0; i < args.Count; i++)
        {
            var word = args[i];
            if (word == "--")
            {
                return null;
            }

            if (word.StartsWith('-'))
            {
                if (rootFlagsWithValue.Contains(word, StringComparer.Ordinal))
                {
                    i++;
                }

                continue;
            }

            return commands.Contains(word, StringComparer.Ordinal) ? word : null;
        }

        return null;
    }
}
