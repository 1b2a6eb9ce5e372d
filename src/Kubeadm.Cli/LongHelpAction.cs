using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace Kubeadm.Cli;

/// <summary>
/// Cobra-style help: a command's own --help shows its long description, while the parent's command list keeps the
/// one-line description. Commands opt in by registering their long text.
/// </summary>
public sealed class LongHelpAction : SynchronousCommandLineAction
{
    private readonly HelpAction _inner;
    private readonly Dictionary<Command, string> _longDescriptions = [];

    public LongHelpAction(HelpAction inner) => _inner = inner;

    public void Register(Command command, string longDescription) => _longDescriptions[command] = longDescription;

    public override int Invoke(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        var command = parseResult.CommandResult.Command;
        if (!_longDescriptions.TryGetValue(command, out var longDescription))
        {
            return _inner.Invoke(parseResult);
        }

        var shortDescription = command.Description;
        command.Description = longDescription;
        try
        {
            return _inner.Invoke(parseResult);
        }
        finally
        {
            command.Description = shortDescription;
        }
    }
}
