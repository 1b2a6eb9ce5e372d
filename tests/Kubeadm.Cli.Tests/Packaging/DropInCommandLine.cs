namespace Kubeadm.Cli.Tests.Packaging;

/// <summary>
/// The command line systemd builds from a unit's [Service] section: Environment= assignments, then each
/// EnvironmentFile= (a leading '-' makes it optional; later files override earlier values), and the last ExecStart=
/// after an empty one reset the list. In ExecStart, a word that is exactly $NAME becomes the variable's value split at
/// whitespace (nothing when unset or empty); ${NAME} is substituted inside its word.
/// </summary>
public static class DropInCommandLine
{
    public static IReadOnlyList<string> Expand(string unitText, Func<string, string?> readFile)
    {
        ArgumentNullException.ThrowIfNull(unitText);
        ArgumentNullException.ThrowIfNull(readFile);
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        var execStart = new List<string>();
        foreach (var (key, value) in Assignments(unitText, "[Service]"))
        {
            switch (key)
            {
                case "Environment":
                    foreach (var assignment in Words(value))
                    {
                        var at = assignment.IndexOf('=', StringComparison.Ordinal);
                        variables[assignment[..at]] = assignment[(at + 1)..];
                    }

                    break;
                case "EnvironmentFile":
                    var optional = value.StartsWith('-');
                    var path = optional ? value[1..] : value;
                    var content = readFile(path);
                    if (content is null)
                    {
                        Assert.True(optional, $"EnvironmentFile={path} is required but missing");
                        break;
                    }

                    foreach (var (name, assigned) in EnvironmentFileLines(content))
                    {
                        variables[name] = assigned;
                    }

                    break;
                case "ExecStart" when value.Length == 0:
                    execStart.Clear();
                    break;
                case "ExecStart":
                    execStart.Add(value);
                    break;
            }
        }

        Assert.True(execStart.Count == 1, $"expected exactly one ExecStart= after the resets, found {execStart.Count}");
        return Words(execStart[0]).SelectMany(word => ExpandWord(word, variables)).ToList();
    }

    private static IEnumerable<string> ExpandWord(string word, Dictionary<string, string> variables)
    {
        if (word.StartsWith('$') && !word.StartsWith("${", StringComparison.Ordinal))
        {
            return variables.TryGetValue(word[1..], out var value) ? value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries) : [];
        }

        foreach (var (name, value) in variables)
        {
            word = word.Replace("${" + name + "}", value, StringComparison.Ordinal);
        }

        return [word];
    }

    private static IEnumerable<(string Key, string Value)> Assignments(string text, string wantedSection)
    {
        var section = "";
        foreach (var line in text.Split('\n').Select(l => l.Trim()))
        {
            if (line.Length == 0 || line[0] is '#' or ';')
            {
                continue;
            }

            if (line[0] == '[')
            {
                section = line;
            }
            else if (section == wantedSection && line.IndexOf('=', StringComparison.Ordinal) is var at and > 0)
            {
                yield return (line[..at].Trim(), line[(at + 1)..].Trim());
            }
        }
    }

    // systemd's environment files: KEY=VALUE lines, '#'/';' comments, a value may be wrapped in double or single quotes.
    private static IEnumerable<(string Name, string Value)> EnvironmentFileLines(string content)
    {
        foreach (var (key, value) in Assignments("[Service]\n" + content, "[Service]"))
        {
            yield return (key, value.Length >= 2 && value[0] is '"' or '\'' && value[^1] == value[0] ? value[1..^1] : value);
        }
    }

    // Whitespace-separated words; double quotes group a word and are removed.
    private static List<string> Words(string text)
    {
        var words = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        var inWord = false;
        foreach (var c in text)
        {
            if (c == '"')
            {
                quoted = !quoted;
                inWord = true;
            }
            else if (char.IsWhiteSpace(c) && !quoted)
            {
                if (inWord)
                {
                    words.Add(current.ToString());
                    current.Clear();
                    inWord = false;
                }
            }
            else
            {
                current.Append(c);
                inWord = true;
            }
        }

        if (inWord)
        {
            words.Add(current.ToString());
        }

        return words;
    }
}
