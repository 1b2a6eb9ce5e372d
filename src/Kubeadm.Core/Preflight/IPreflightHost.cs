using Kubeadm.Core.Host;

namespace Kubeadm.Core.Preflight;

/// <summary>
/// The host facts preflight needs that are not files: privileges, CPUs, ports, executables on PATH, name
/// resolution, the CRI socket, the init system and HTTP to an external etcd. Files are read through
/// <see cref="IFileSystem"/> so that --rootfs applies.
/// </summary>
public interface IPreflightHost
{
    /// <summary>True when kubeadm runs as root (effective uid 0).</summary>
    bool IsPrivilegedUser { get; }

    /// <summary>The CPUs this process may run on.</summary>
    int ProcessorCount { get; }

    /// <summary>Tries to listen on TCP <paramref name="port"/> on every address; null when that works, else why not.</summary>
    string? TryListen(int port);

    /// <summary>The full path of <paramref name="name"/> on PATH, or null.</summary>
    string? FindExecutable(string name);

    /// <summary>Runs an executable found on PATH; a missing one throws <see cref="ExecutableNotFoundException"/>.</summary>
    Task<ProcessResult> RunAsync(string executable, IReadOnlyList<string> arguments, CancellationToken cancellationToken);

    /// <summary>Resolves a host name the way the system resolver does.</summary>
    Task<HostLookup> LookupHostAsync(string name, CancellationToken cancellationToken);

    /// <summary>Connects to the Unix socket at host path <paramref name="socketPath"/>; null when something accepts the connection, else why not.</summary>
    Task<string?> ConnectUnixSocketAsync(string socketPath, CancellationToken cancellationToken);

    /// <summary>The state of a systemd unit; null when no supported init system is present.</summary>
    Task<ServiceStatus?> GetServiceStatusAsync(string unit, CancellationToken cancellationToken);

    /// <summary>One HTTP GET with the given TLS material (PEM), no proxy; transport failures are returned, not thrown.</summary>
    Task<HttpGetResult> HttpGetAsync(Uri url, EtcdClientTls tls, TimeSpan timeout, CancellationToken cancellationToken);
}
