using System.Text;

namespace Kubeadm.Cli.Completion;

/// <summary>
/// The part of the completion script both shells share: the command tree as `case` tables plus the function that walks
/// the words typed so far and prints the candidates for the last one. Written in the subset of shell that bash and zsh
/// run alike (functions, `case`, `local`, positional parameters; no arrays).
/// </summary>
public static class CompletionTables
{
    private const string Walker = """
        # __kubeadm_complete WORD...: the words after "kubeadm", the last being the one under the cursor.
        # Prints the candidates for it, one a line; returns 1 when it is a flag value to be completed as a file name.
        __kubeadm_complete() {
            local cmd="kubeadm" flag="" word="" sub=""
            while [ $# -gt 1 ]; do
                word=$1
                shift
                if [ -n "$flag" ]; then
                    flag=""
                    continue
                fi
                case $word in
                    -*=*) ;;
                    -*) if __kubeadm_takes_value "$cmd" "$word"; then flag=$word; fi ;;
                    *)
                        sub=$(__kubeadm_subcommand "$cmd" "$word")
                        if [ -n "$sub" ]; then cmd="$cmd $sub"; fi
                        ;;
                esac
            done
            word=$1
            if [ -n "$flag" ]; then
                __kubeadm_values "$cmd" "$flag"
                return
            fi
            case $word in
                -*=*)
                    __kubeadm_values "$cmd" "${word%%=*}"
                    return
                    ;;
                -*)
                    __kubeadm_flags "$cmd"
                    return 0
                    ;;
            esac
            sub=$(__kubeadm_words "$cmd")
            if [ -n "$sub" ]; then
                printf '%s\n' "$sub"
            else
                __kubeadm_flags "$cmd"
            fi
            return 0
        }

        """;

    public static string Render(IReadOnlyList<CompletionNode> nodes)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        var script = new StringBuilder();

        Table(script, "__kubeadm_subcommand", "# The canonical name of subcommand $2 (or one of its aliases) of command $1.", "\"$1/$2\"",
            nodes.SelectMany(n => n.Subcommands.Select(names => (Patterns(n.Path, names), Echo([names[0]])))));
        Table(script, "__kubeadm_words", "# The subcommands and argument values command $1 accepts.", "\"$1\"",
            nodes.Select(n => (Quote(n.Path), Echo(n.Subcommands.Select(s => s[0]).Concat(n.ArgumentValues)))).Where(r => r.Item2.Length > 0));
        Table(script, "__kubeadm_flags", "# Every flag spelling command $1 accepts.", "\"$1\"",
            nodes.Select(n => (Quote(n.Path), Echo(n.Flags.SelectMany(f => f.Names)))).Where(r => r.Item2.Length > 0));

        script.Append("# Succeeds when flag $2 of command $1 consumes the next word as its value.\n");
        script.Append("__kubeadm_takes_value() {\n    case \"$1/$2\" in\n");
        foreach (var node in nodes)
        {
            var spellings = node.Flags.Where(f => f.TakesValue).SelectMany(f => f.Names).ToList();
            if (spellings.Count > 0)
            {
                script.Append("        ").Append(Patterns(node.Path, spellings)).Append(") return 0 ;;\n");
            }
        }

        script.Append("    esac\n    return 1\n}\n\n");

        script.Append("# The fixed values flag $2 of command $1 accepts; fails when any file name may do.\n");
        script.Append("__kubeadm_values() {\n    case \"$1/$2\" in\n");
        foreach (var node in nodes)
        {
            foreach (var flag in node.Flags.Where(f => f.TakesValue && f.Values.Count > 0))
            {
                script.Append("        ").Append(Patterns(node.Path, flag.Names)).Append(") ").Append(Echo(flag.Values)).Append(" ;;\n");
            }
        }

        script.Append("        *) return 1 ;;\n    esac\n}\n\n");
        script.Append(Walker.Replace("\r\n", "\n", StringComparison.Ordinal));
        return script.ToString();
    }

    private static void Table(StringBuilder script, string name, string comment, string subject, IEnumerable<(string Pattern, string Action)> rows)
    {
        script.Append(comment).Append('\n').Append(name).Append("() {\n    case ").Append(subject).Append(" in\n");
        foreach (var (pattern, action) in rows)
        {
            script.Append("        ").Append(pattern).Append(") ").Append(action).Append(" ;;\n");
        }

        script.Append("    esac\n}\n\n");
    }

    private static string Patterns(string path, IEnumerable<string> words) =>
        string.Join('|', words.Select(w => Quote(path + "/" + w)));

    private static string Echo(IEnumerable<string> words)
    {
        var list = words.ToList();
        return list.Count == 0 ? "" : "printf '%s\\n' " + string.Join(' ', list);
    }

    // Every word reaching here matched CompletionTree's safe-word pattern, so single quotes need no escaping.
    private static string Quote(string text) => "'" + text + "'";
}
