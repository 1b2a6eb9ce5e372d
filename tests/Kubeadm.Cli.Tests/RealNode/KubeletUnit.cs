using System.Globalization;
using System.Text;

namespace Kubeadm.Cli.Tests.RealNode;

/// <summary>
/// The [Service] part of a systemd unit plus its drop-ins, read the way systemd reads them, for the settings a
/// kubelet unit uses: Environment=, EnvironmentFile= (a leading '-' makes the file optional), ExecStart= (an empty
/// assignment clears earlier ones) and RestartSec=. <see cref="CommandLine"/> builds the argv systemd would run:
/// <c>$NAME</c> as a whole word splits the variable's value at whitespace (an unset or empty one gives no word),
/// <c>${NAME}</c> is one word. Used by <see cref="SystemdKubelet"/>; a packaging test can feed it the drop-in a
/// .deb installs.
/// </summary>
internal sealed class KubeletUnit
{
    /// <summary>The kubelet.service that kubeadm's packages install (Restart=always every 10 s).</summary>
    public const string KubeletService = """
        [Unit]
        Description=kubelet: The Kubernetes Node Agent
        Wants=network-online.target
        After=network-online.target

        [Service]
        ExecStart=/usr/bin/kubelet
        Restart=always
        StartLimitInterval=0
        RestartSec=10

        [Install]
        WantedBy=multi-user.target
        """;

    /// <summary>kubeadm's drop-in for it: the one the .deb ships (packaging/deb/10-kubeadm.conf).</summary>
    public static string KubeadmDropIn => Packaging.PackageArtifacts.SourceDropIn;

    private KubeletUnit(IReadOnlyList<KeyValuePair<string, string>> environment, IReadOnlyList<(string Path, bool Optional)> environmentFiles, string execStart, TimeSpan restartSec)
    {
        Environment = environment;
        EnvironmentFiles = environmentFiles;
        ExecStart = execStart;
        RestartSec = restartSec;
    }

    /// <summary>Environment= assignments in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Environment { get; }

    /// <summary>EnvironmentFile= entries in order; read at every start.</summary>
    public IReadOnlyList<(string Path, bool Optional)> EnvironmentFiles { get; }

    /// <summary>The one ExecStart= command line left after the drop-ins (unexpanded).</summary>
    public string ExecStart { get; }

    public TimeSpan RestartSec { get; }

    /// <summary>The unit, then each drop-in in order, as systemd merges them.</summary>
    public static KubeletUnit Parse(params string[] unitAndDropIns)
    {
        var environment = new List<KeyValuePair<string, string>>();
        var files = new List<(string, bool)>();
        var execStart = new List<string>();
        var restartSec = TimeSpan.FromMilliseconds(100); // systemd's default
        foreach (var text in unitAndDropIns)
        {
            var section = string.Empty;
            foreach (var raw in text.Split('\n'))
            {
                var line = raw.Trim();
                if (line.Length == 0 || line[0] is '#' or ';')
                {
                    continue;
                }

                if (line[0] == '[')
                {
                    section = line;
                    continue;
                }

                var equals = line.IndexOf('=', StringComparison.Ordinal);
                if (section != "[Service]" || equals < 0)
                {
                    continue;
                }

                var key = line[..equals].Trim();
                var value = line[(equals + 1)..].Trim();
                switch (key)
                {
                    case "Environment":
                        foreach (var assignment in SplitWords(value))
                        {
                            var at = assignment.IndexOf('=', StringComparison.Ordinal);
                            if (at > 0)
                            {
                                environment.Add(new(assignment[..at], assignment[(at + 1)..]));
                            }
                        }

                        break;
                    case "EnvironmentFile":
                        files.Add(value.StartsWith('-') ? (value[1..], true) : (value, false));
                        break;
                    case "ExecStart":
                        if (value.Length == 0)
                        {
                            execStart.Clear();
                        }
                        else
                        {
                            execStart.Add(value);
                        }

                        break;
                    case "RestartSec":
                        restartSec = TimeSpan.FromSeconds(double.Parse(value.TrimEnd('s'), CultureInfo.InvariantCulture));
                        break;
                }
            }
        }

        if (execStart.Count != 1)
        {
            throw new FormatException($"a simple service needs exactly one ExecStart= after the drop-ins, found {execStart.Count}");
        }

        return new KubeletUnit(environment, files, execStart[0], restartSec);
    }

    /// <summary>
    /// The argv systemd would run now and the environment it gives the process: Environment= first, then each
    /// EnvironmentFile= read through <paramref name="readFile"/> (null when the file does not exist), later
    /// assignments winning.
    /// </summary>
    public (IReadOnlyList<string> Argv, IReadOnlyDictionary<string, string> Variables) CommandLine(Func<string, string?> readFile)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in Environment)
        {
            variables[name] = value;
        }

        foreach (var (path, optional) in EnvironmentFiles)
        {
            var content = readFile(path);
            if (content is null)
            {
                if (optional)
                {
                    continue;
                }

                throw new FileNotFoundException($"EnvironmentFile {path} does not exist", path);
            }

            foreach (var (name, value) in ParseEnvironmentFile(content))
            {
                variables[name] = value;
            }
        }

        var argv = new List<string>();
        foreach (var word in SplitWords(ExecStart))
        {
            if (word.Length > 1 && word[0] == '$' && word[1] != '{' && IsName(word[1..]))
            {
                argv.AddRange(variables.GetValueOrDefault(word[1..], string.Empty).Split((char[])[' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries));
            }
            else
            {
                argv.Add(ExpandBraced(word, variables));
            }
        }

        return (argv, variables);
    }

    /// <summary>KEY=VALUE lines; # and ; comments; a value in double quotes may escape \" and \\, single quotes are literal.</summary>
    public static IEnumerable<KeyValuePair<string, string>> ParseEnvironmentFile(string content)
    {
        foreach (var raw in content.Split('\n'))
        {
            var line = raw.Trim();
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (line.Length == 0 || line[0] is '#' or ';' || equals <= 0)
            {
                continue;
            }

            var value = line[(equals + 1)..].Trim();
            if (value.Length >= 2 && value[0] == '"' && value[^1] == '"')
            {
                value = Unescape(value[1..^1]);
            }
            else if (value.Length >= 2 && value[0] == '\'' && value[^1] == '\'')
            {
                value = value[1..^1];
            }

            yield return new(line[..equals].Trim(), value);
        }
    }

    /// <summary>Whitespace-separated words; double or single quotes group (and are removed).</summary>
    private static List<string> SplitWords(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        char? quote = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quote is { } open)
            {
                if (c == open)
                {
                    quote = null;
                }
                else if (c == '\\' && open == '"' && i + 1 < text.Length)
                {
                    word.Append(text[++i]);
                }
                else
                {
                    word.Append(c);
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
                inWord = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inWord)
                {
                    words.Add(word.ToString());
                    word.Clear();
                    inWord = false;
                }
            }
            else
            {
                word.Append(c);
                inWord = true;
            }
        }

        if (inWord)
        {
            words.Add(word.ToString());
        }

        return words;
    }

    private static string ExpandBraced(string word, Dictionary<string, string> variables)
    {
        var result = new StringBuilder();
        for (var i = 0; i < word.Length; i++)
        {
            var close = word[i] == '$' && i + 1 < word.Length && word[i + 1] == '{' ? word.IndexOf('}', i + 2) : -1;
            if (close > 0)
            {
                result.Append(variables.GetValueOrDefault(word[(i + 2)..close], string.Empty));
                i = close;
            }
            else
            {
                result.Append(word[i]);
            }
        }

        return result.ToString();
    }

    private static string Unescape(string value)
    {
        var result = new StringBuilder();
        for (var i = 0; i < value.Length; i++)
        {
            result.Append(value[i] == '\\' && i + 1 < value.Length ? value[++i] : value[i]);
        }

        return result.ToString();
    }

    private static bool IsName(string text) => text.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
