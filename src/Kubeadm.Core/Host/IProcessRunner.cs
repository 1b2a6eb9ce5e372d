namespace Kubeadm.Core.Host;

/// <summary>Runs host executables directly (no shell), so tests can check exact argument lists.</summary>
public interface IProcessRunner
{
    /// <summary>The full path of an executable found on <c>PATH</c>, or null when there is none.</summary>
    string? FindExecutable(string name);

    /// <summary>
    /// Runs <paramref name="executable"/> with <paramref name="arguments"/> passed one by one, waits for it to exit,
    /// and returns its exit code and captured output. A missing executable throws <see cref="ExecutableNotFoundException"/>.
    /// </summary>
    Task<ProcessResult> RunAsync(string executable, IReadOnlyList<string> arguments, CancellationToken cancellationToken);
}
