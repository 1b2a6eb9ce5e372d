using System.Net;
using Kubeadm.Core.Host;

namespace Kubeadm.Core.Preflight;

/// <summary>
/// A simulated host for tests: root, 2 CPUs, every port free, nothing on PATH, no name resolves, no CRI socket, no
/// systemd units, no HTTP endpoint — until the test says otherwise. Calls to <see cref="RunAsync"/> are recorded.
/// </summary>
public sealed class InMemoryPreflightHost : IPreflightHost
{
    private readonly Lock _lock = new();
    private readonly List<string> _commands = [];

    public bool IsPrivilegedUser { get; set; } = true;

    public int ProcessorCount { get; set; } = 2;

    /// <summary>Ports something already listens on.</summary>
    public HashSet<int> BusyPorts { get; } = [];

    /// <summary>Executables on PATH: name → full path.</summary>
    public Dictionary<string, string> Executables { get; } = new(StringComparer.Ordinal);

    /// <summary>What running an executable (by name) returns.</summary>
    public Dictionary<string, ProcessResult> ProcessResults { get; } = new(StringComparer.Ordinal);

    /// <summary>Names that resolve, and their addresses.</summary>
    public Dictionary<string, IPAddress[]> Names { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Unix sockets something accepts connections on (host paths).</summary>
    public HashSet<string> ListeningSockets { get; } = new(StringComparer.Ordinal);

    /// <summary>False simulates a host without systemd.</summary>
    public bool HasInitSystem { get; set; } = true;

    /// <summary>Known systemd units; others are not found.</summary>
    public Dictionary<string, ServiceStatus> Services { get; } = new(StringComparer.Ordinal);

    /// <summary>Answers by URL; a URL not listed is refused.</summary>
    public Dictionary<string, Queue<HttpGetResult>> HttpAnswers { get; } = new(StringComparer.Ordinal);

    /// <summary>Every command run, as "name arg1 arg2".</summary>
    public IReadOnlyList<string> Commands
    {
        get
        {
            lock (_lock)
            {
                return [.. _commands];
            }
        }
    }

    /// <summary>Puts a fake executable on PATH that prints <paramref name="output"/> and exits 0.</summary>
    public InMemoryPreflightHost WithExecutable(string name, string output = "")
    {
        Executables[name] = "/usr/bin/" + name;
        ProcessResults[name] = new ProcessResult(0, output, "");
        return this;
    }

    public string? TryListen(int port) => BusyPorts.Contains(port) ? "address already in use" : null;

    public string? FindExecutable(string name) => Executables.GetValueOrDefault(name);

    public Task<ProcessResult> RunAsync(string executable, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        lock (_lock)
        {
            _commands.Add(string.Join(' ', [executable, .. arguments]));
        }

        return Executables.ContainsKey(executable) && ProcessResults.TryGetValue(executable, out var result)
            ? Task.FromResult(result)
            : throw new ExecutableNotFoundException($"exec: \"{executable}\": executable file not found in $PATH");
    }

    public Task<HostLookup> LookupHostAsync(string name, CancellationToken cancellationToken) =>
        Task.FromResult(Names.TryGetValue(name, out var addresses)
            ? HostLookup.Resolved(addresses)
            : HostLookup.Failed($"lookup {name}: no such host"));

    public Task<string?> ConnectUnixSocketAsync(string socketPath, CancellationToken cancellationToken) =>
        Task.FromResult(ListeningSockets.Contains(socketPath) ? null : $"dial unix {socketPath}: connect: no such file or directory");

    public Task<ServiceStatus?> GetServiceStatusAsync(string unit, CancellationToken cancellationToken) =>
        Task.FromResult(HasInitSystem
            ? Services.GetValueOrDefault(unit) ?? new ServiceStatus(unit, "not-found", "inactive", "")
            : null);

    public Task<HttpGetResult> HttpGetAsync(Uri url, EtcdClientTls tls, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        lock (_lock)
        {
            if (HttpAnswers.TryGetValue(url.ToString(), out var answers) && answers.Count > 0)
            {
                return Task.FromResult(answers.Count > 1 ? answers.Dequeue() : answers.Peek());
            }
        }

        return Task.FromResult(HttpGetResult.Failed($"Get \"{url}\": dial tcp: connect: connection refused"));
    }
}
