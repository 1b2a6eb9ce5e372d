using System.CommandLine;
using Kubeadm.Cli.Commands;
using Kubeadm.Core.Errors;

namespace Kubeadm.Cli.Completion;

/// <summary>`kubeadm completion bash|zsh`: prints a completion script generated from the command tree it belongs to.</summary>
public static class CompletionCommand
{
    private const string ShortHelp = "Print a bash or zsh script that completes kubeadm's commands and flags";

    private const string LongHelp = """
        Prints a shell script that makes the shell complete kubeadm's commands, subcommands, phases and flags
        (and the fixed values some flags take; other flag values complete as file names).

        The script is generated from this kubeadm's own command tree, so it always matches the installed version.
        The bash script uses only bash's built-in `complete`; the bash-completion package is not required.
        The zsh script needs the completion system (`autoload -U compinit && compinit`) to be loaded first.

        Packages install these scripts where the shells find them on their own
        (/usr/share/bash-completion/completions/kubeadm, /usr/share/zsh/vendor-completions/_kubeadm).

        Examples:
          # Complete kubeadm in the current bash session
          source <(kubeadm completion bash)

          # Every new bash session
          kubeadm completion bash > ~/.kube/kubeadm_completion.bash.inc
          echo "source '$HOME/.kube/kubeadm_completion.bash.inc'" >> ~/.bashrc

          # The current zsh session
          source <(kubeadm completion zsh)
        """;

    public static Command Create(TextWriter output, GlobalFlags global, LongHelpAction help)
    {
        ArgumentNullException.ThrowIfNull(help);
        var shell = new Argument<string[]>("SHELL") { Arity = ArgumentArity.ZeroOrMore, Description = "bash or zsh" };
        shell.CompletionSources.Add([.. CompletionScripts.Shells]);
        var command = new Command("completion", ShortHelp) { shell };
        help.Register(command, ShortHelp + "\n\n" + LongHelp);
        command.SetAction((parse, _) => CommandErrors.RunAsync(parse.InvocationConfiguration.Error, parse.GetValue(global.Verbosity), async () =>
        {
            var root = RootOf(parse.CommandResult.Command);
            await output.WriteAsync(Script(parse.GetValue(shell) ?? [], root)).ConfigureAwait(false);
            return 0;
        }));
        return command;
    }

    /// <summary>The script for the one shell named in <paramref name="arguments"/>, or kubeadm's error for anything else.</summary>
    public static string Script(IReadOnlyList<string> arguments, Command root)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        if (arguments.Count == 0)
        {
            throw new KubeadmUserException("shell not specified");
        }

        if (arguments.Count > 1)
        {
            throw new KubeadmUserException("too many arguments. expected only the shell type");
        }

        var tree = CompletionTree.Read(root);
        return arguments[0] switch
        {
            "bash" => CompletionScripts.Bash(tree),
            "zsh" => CompletionScripts.Zsh(tree),
            var other => throw new KubeadmUserException($"unsupported shell type \"{other}\"; supported: {string.Join(", ", CompletionScripts.Shells)}"),
        };
    }

    private static Command RootOf(Command command)
    {
        var current = command;
        while (current.Parents.OfType<Command>().FirstOrDefault() is { } parent)
        {
            current = parent;
        }

        return current;
    }
}
