using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Kubeadm.Cli.Tests.Runtime;

/// <summary>
/// Debian's docker-registry (distribution 2.8) serving plain HTTP on 127.0.0.1:&lt;free port&gt; from a temp dir, with no
/// auth; images are pushed into it with skopeo from OCI archives. Dispose stops it by pid and deletes its storage.
/// </summary>
internal sealed class RegistryProcess : IAsyncDisposable
{
    public const string Binary = "/usr/bin/docker-registry";
    public const string Skopeo = "/usr/bin/skopeo";

    private readonly Process _process;
    private readonly string _directory;

    private RegistryProcess(string directory, int port, Process process)
    {
        _directory = directory;
        Port = port;
        _process = process;
    }

    public int Port { get; }

    /// <summary>host:port, as an image reference starts (e.g. "127.0.0.1:41234").</summary>
    public string Host => $"127.0.0.1:{Port}";

    public string LogPath => Path.Combine(_directory, "registry.log");

    public static async Task<RegistryProcess> StartAsync()
    {
        HostTool.Require(Binary, "docker-registry");
        HostTool.Require(Skopeo, "skopeo");
        var directory = Directory.CreateTempSubdirectory("kreg-").FullName;
        var port = FreeLoopbackPort();
        var config = Path.Combine(directory, "config.yml");
        await File.WriteAllTextAsync(config, $"""
            version: 0.1
            log:
              level: warn
            storage:
              filesystem:
                rootdirectory: {directory}/storage
            http:
              addr: 127.0.0.1:{port}
            """);
        var start = new ProcessStartInfo("/bin/sh");
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"exec {Binary} serve \"$1\" >\"$2\" 2>&1");
        start.ArgumentList.Add("registry");
        start.ArgumentList.Add(config);
        start.ArgumentList.Add(Path.Combine(directory, "registry.log"));
        var process = Process.Start(start) ?? throw new InvalidOperationException("docker-registry did not start");
        var registry = new RegistryProcess(directory, port, process);
        try
        {
            await registry.WaitUntilServingAsync();
            return registry;
        }
        catch
        {
            await registry.DisposeAsync();
            throw;
        }
    }

    /// <summary>Pushes the archive's image as <c>host:port/&lt;repositoryAndTag&gt;</c>.</summary>
    public Task PushAsync(string ociArchivePath, string repositoryAndTag) =>
        HostTool.RunCheckedAsync(
            Skopeo,
            ["--insecure-policy", "copy", "--quiet", "--dest-tls-verify=false", $"oci-archive:{ociArchivePath}", $"docker://{Host}/{repositoryAndTag}"],
            TimeSpan.FromSeconds(120));

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(15));
            }
        }
        finally
        {
            _process.Dispose();
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task WaitUntilServingAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"docker-registry exited with {_process.ExitCode}:\n{File.ReadAllText(LogPath)}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri($"http://{Host}/v2/"));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"docker-registry did not answer on {Host} within 30s");
    }
}
