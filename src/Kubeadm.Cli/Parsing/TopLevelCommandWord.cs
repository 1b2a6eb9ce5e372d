namespace Kubeadm.Cli.Parsing;

/// <summary>The top-level command word of a command line, found the way the parser will find it.</summary>
public static class TopLevelCommandWord
{
    // The root's own flags that take their value as the next word (pflag also takes --rootfs=X, -v=5 and -v5).
    private static readonly string[] RootFlagsWithValue = ["--rootfs", "--v", "-v"];

    /// <summary>
    /// The first word that is neither a flag nor a root flag's value, when it is one of <paramref name="commands"/>;
    /// null otherwise (no command word, an unknown one, or anything after "--").
    /// </summary>
    public static string? Find(IReadOnlyList<string> args, IEnumerable<string> commands)
    {
        ArgumentNullException.ThrowIfNull(args);
        for (var i = 0; i < args.Count; i++)
        {
            var word = args[i];
            if (word == "--")
            {
                return null;
            }

            if (word.StartsWith('-'))
            {
                if (RootFlagsWithValue.Contains(word, StringComparer.Ordinal))
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
