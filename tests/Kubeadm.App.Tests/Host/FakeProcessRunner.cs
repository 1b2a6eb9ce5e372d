using Kubeadm.Core.Host;

namespace Kubeadm.App.Tests.Host;

/// <summary>Records command lines and answers each with a queued result (exit 0, no output by default).</summary>
public sealed class FakeProcessRunner : IProcessRunner
{
    private readonly Queue<ProcessResult> _results = new();

    public bool ExecutableExists { get; init; } = true;

    public List<string> CommandLines { get; } = [];

    public void Enqueue(ProcessResult result) => _results.Enqueue(result);

    public string? FindExecutable(string name) => ExecutableExists ? "/usr/bin/" + name : null;

    public Task<ProcessResult> RunAsync(string executable, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        if (!ExecutableExists)
        {
            throw new ExecutableNotFoundException($"cannot run \"{executable}\"");
        }

        CommandLines.Add(string.Join(' ', arguments.Prepend(executable)));
        return Task.FromResult(_results.Count > 0 ? _results.Dequeue() : new ProcessResult(0, string.Empty, string.Empty));
    }
}
