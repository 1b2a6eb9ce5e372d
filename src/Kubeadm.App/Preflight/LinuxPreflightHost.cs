using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Kubeadm.App.Host;
using Kubeadm.Core.Host;
using Kubeadm.Core.Preflight;

namespace Kubeadm.App.Preflight;

/// <summary>
/// The real host's answers for preflight: the process's privileges and CPU affinity, real TCP listens, PATH, the
/// system resolver, the CRI socket (under --rootfs), systemd and HTTPS to an external etcd.
/// </summary>
public sealed class LinuxPreflightHost : IPreflightHost
{
    private static readonly TimeSpan SocketConnectTimeout = TimeSpan.FromSeconds(5);

    private readonly IFileSystem _fileSystem;
    private readonly IProcessRunner _runner;
    private readonly SystemctlServiceManager _services;

    public LinuxPreflightHost(IFileSystem fileSystem)
        : this(fileSystem, new ProcessRunner())
    {
    }

    public LinuxPreflightHost(IFileSystem fileSystem, IProcessRunner runner)
    {
        ArgumentNullException.ThrowIfNull(fileSystem);
        ArgumentNullException.ThrowIfNull(runner);
        _fileSystem = fileSystem;
        _runner = runner;
        _services = new SystemctlServiceManager(runner);
    }

    public bool IsPrivilegedUser => Environment.IsPrivilegedProcess;

    /// <summary>
    /// The CPUs in this process's affinity mask, as Go's runtime.NumCPU counts them; .NET's ProcessorCount would
    /// also apply a container's CPU quota, which kubeadm does not.
    /// </summary>
    public int ProcessorCount => CpusAllowed() ?? Environment.ProcessorCount;

    public string? TryListen(int port)
    {
        // Like Go's net.Listen("tcp", ":port"): one dual-stack socket on every address when the host has IPv6.
        var listener = Socket.OSSupportsIPv6 ? new TcpListener(IPAddress.IPv6Any, port) : new TcpListener(IPAddress.Any, port);
        try
        {
            if (Socket.OSSupportsIPv6)
            {
                listener.Server.DualMode = true;
            }

            listener.Start();
            return null;
        }
        catch (SocketException e)
        {
            return e.Message;
        }
        finally
        {
            listener.Stop();
            listener.Dispose();
        }
    }

    public string? FindExecutable(string name) => _runner.FindExecutable(name);

    public Task<ProcessResult> RunAsync(string executable, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var path = _runner.FindExecutable(executable)
            ?? throw new ExecutableNotFoundException($"exec: \"{executable}\": executable file not found in $PATH");
        return _runner.RunAsync(path, arguments, cancellationToken);
    }

    public async Task<HostLookup> LookupHostAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            return HostLookup.Resolved(await Dns.GetHostAddressesAsync(name, cancellationToken).ConfigureAwait(false));
        }
        catch (SocketException e)
        {
            return HostLookup.Failed($"lookup {name}: {e.Message}");
        }
        catch (ArgumentException e)
        {
            return HostLookup.Failed($"lookup {name}: {e.Message}");
        }
    }

    public async Task<string?> ConnectUnixSocketAsync(string socketPath, CancellationToken cancellationToken)
    {
        var realPath = _fileSystem is PhysicalFileSystem physical ? physical.ToRealPath(socketPath) : socketPath;
        if (!Path.Exists(realPath))
        {
            return $"dial unix {socketPath}: connect: no such file or directory";
        }

        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(SocketConnectTimeout);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(realPath), timeout.Token).ConfigureAwait(false);
            return null;
        }
        catch (SocketException e)
        {
            return $"dial unix {socketPath}: connect: {e.Message}";
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return $"dial unix {socketPath}: no connection within {SocketConnectTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)}s";
        }
    }

    public async Task<ServiceStatus?> GetServiceStatusAsync(string unit, CancellationToken cancellationToken)
    {
        if (!_services.IsAvailable)
        {
            return null;
        }

        try
        {
            return await _services.GetStatusAsync(unit, cancellationToken).ConfigureAwait(false);
        }
        catch (ServiceManagerException)
        {
            return null;
        }
    }

    public Task<HttpGetResult> HttpGetAsync(Uri url, EtcdClientTls tls, TimeSpan timeout, CancellationToken cancellationToken) =>
        EtcdHttpClient.GetAsync(url, tls, timeout, cancellationToken);

    private static int? CpusAllowed()
    {
        try
        {
            var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("Cpus_allowed_list:", StringComparison.Ordinal));
            return line is null ? null : CpuListParser.Count(line["Cpus_allowed_list:".Length..].Trim());
        }
        catch (IOException)
        {
            return null;
        }
    }
}
