using System.Diagnostics;

namespace Kubeadm.Cli.Tests.Runtime;

/// <summary>
/// Debian's containerd 1.6 on a private socket, root and state under a temp dir, configured the way that works on
/// these machines (docs/testing-runtime.md): CRI plugin with runc v2 and cgroupfs, restrict_oom_score_adj, the native
/// snapshotter, a given sandbox image and a hosts.toml per plain-HTTP loopback registry. Dispose kills what it ran,
/// by pid: first the CRI tasks, then containerd, then any shim left behind; then it unmounts and deletes the temp dir.
/// </summary>
internal sealed class ContainerdProcess : IAsyncDisposable
{
    public const string Binary = "/usr/bin/containerd";
    public const string Ctr = "/usr/bin/ctr";
    public const string CriNamespace = "k8s.io";

    private readonly Process _process;

    private ContainerdProcess(string directory, Process process)
    {
        WorkDirectory = directory;
        _process = process;
    }

    /// <summary>The temp dir holding config, root, state, socket and log.</summary>
    public string WorkDirectory { get; }

    /// <summary>The containerd gRPC socket path (no scheme).</summary>
    public string Socket => Path.Combine(WorkDirectory, "containerd.sock");

    /// <summary>The socket as a CRI endpoint, as kubeadm's criSocket takes it.</summary>
    public string Endpoint => "unix://" + Socket;

    public string LogPath => Path.Combine(WorkDirectory, "containerd.log");

    /// <summary>The last lines containerd logged, for failure messages.</summary>
    public string LogTail(int lines = 40) =>
        File.Exists(LogPath) ? string.Join('\n', File.ReadLines(LogPath).TakeLast(lines)) : "(no containerd log)";

    /// <param name="sandboxImage">containerd's CRI sandbox_image.</param>
    /// <param name="plainHttpRegistries">host:port of loopback registries to pull from over plain HTTP.</param>
    /// <param name="launcher">A command that runs its arguments elsewhere, e.g. nsenter into a test node's namespaces (RealNode/NodeNamespace).</param>
    public static async Task<ContainerdProcess> StartAsync(string sandboxImage, IEnumerable<string>? plainHttpRegistries = null, IReadOnlyList<string>? launcher = null)
    {
        HostTool.Require(Binary, "containerd");
        HostTool.Require("/usr/sbin/runc", "runc");
        var directory = Directory.CreateTempSubdirectory("kctd-").FullName;
        var certsDir = Path.Combine(directory, "certs.d");
        Directory.CreateDirectory(certsDir);
        foreach (var registry in plainHttpRegistries ?? [])
        {
            var hostDir = Path.Combine(certsDir, registry);
            Directory.CreateDirectory(hostDir);
            await File.WriteAllTextAsync(Path.Combine(hostDir, "hosts.toml"), $"""
                server = "http://{registry}"
                [host."http://{registry}"]
                  capabilities = ["pull", "resolve"]
                """);
        }

        var config = Path.Combine(directory, "config.toml");
        await File.WriteAllTextAsync(config, Config(directory, sandboxImage, certsDir));
        string[] shell = [.. launcher ?? [], "/bin/sh"];
        var start = new ProcessStartInfo(shell[0]) { RedirectStandardError = false, RedirectStandardOutput = false };
        foreach (var part in shell.Skip(1))
        {
            start.ArgumentList.Add(part);
        }

        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"exec {Binary} --config \"$1\" >\"$2\" 2>&1");
        start.ArgumentList.Add("containerd");
        start.ArgumentList.Add(config);
        start.ArgumentList.Add(Path.Combine(directory, "containerd.log"));
        var process = Process.Start(start) ?? throw new InvalidOperationException("containerd did not start");
        var containerd = new ContainerdProcess(directory, process);
        try
        {
            await containerd.WaitForSocketAsync();
            return containerd;
        }
        catch
        {
            await containerd.DisposeAsync();
            throw;
        }
    }

    /// <summary>Imports an OCI archive into the CRI namespace (what the kubelet and kubeadm see).</summary>
    public Task ImportAsync(string ociArchivePath) =>
        CtrAsync(["images", "import", "--snapshotter", "native", ociArchivePath]);

    /// <summary>Image references present in the CRI namespace.</summary>
    public async Task<IReadOnlyList<string>> ImageNamesAsync() =>
        [.. (await CtrAsync(["images", "ls", "-q"])).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    /// <summary>Runs ctr against this containerd in the k8s.io namespace.</summary>
    public Task<string> CtrAsync(IEnumerable<string> arguments) =>
        HostTool.RunCheckedAsync(Ctr, ["--address", Socket, "-n", CriNamespace, .. arguments], TimeSpan.FromSeconds(60));

    public async ValueTask DisposeAsync()
    {
        try
        {
            await KillTasksAsync();
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(15));
            }

            KillLeftoverShims();
            UnmountUnder(WorkDirectory);
        }
        finally
        {
            _process.Dispose();
            try
            {
                Directory.Delete(WorkDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A mount that would not go away; the temp dir stays for inspection.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }

    private static string Config(string directory, string sandboxImage, string certsDir) => $"""
        version = 2
        root = "{directory}/root"
        state = "{directory}/state"
        [grpc]
          address = "{directory}/containerd.sock"
        [ttrpc]
          address = "{directory}/containerd.sock.ttrpc"
        [plugins."io.containerd.grpc.v1.cri"]
          sandbox_image = "{sandboxImage}"
          restrict_oom_score_adj = true
          [plugins."io.containerd.grpc.v1.cri".containerd]
            snapshotter = "native"
            default_runtime_name = "runc"
            [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc]
              runtime_type = "io.containerd.runc.v2"
              [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc.options]
                SystemdCgroup = false
          [plugins."io.containerd.grpc.v1.cri".registry]
            config_path = "{certsDir}"
        """;

    private async Task WaitForSocketAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"containerd exited with {_process.ExitCode}:\n{LogTail()}");
            }

            if (File.Exists(Socket) && LogTail(5).Contains("containerd successfully booted", StringComparison.Ordinal))
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"containerd did not serve {Socket} within 30s:\n{LogTail()}");
    }

    private async Task KillTasksAsync()
    {
        if (_process.HasExited || !File.Exists(Socket))
        {
            return;
        }

        var (exitCode, tasks) = await HostTool.RunAsync(Ctr, ["--address", Socket, "-n", CriNamespace, "tasks", "ls", "-q"], TimeSpan.FromSeconds(10));
        if (exitCode != 0)
        {
            return;
        }

        foreach (var task in tasks.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            await HostTool.RunAsync(Ctr, ["--address", Socket, "-n", CriNamespace, "tasks", "kill", "-a", "-s", "SIGKILL", task], TimeSpan.FromSeconds(10));
            await HostTool.RunAsync(Ctr, ["--address", Socket, "-n", CriNamespace, "tasks", "delete", "-f", task], TimeSpan.FromSeconds(10));
        }
    }

    /// <summary>Shims re-parent themselves away from containerd; find ours by the socket address in their command line.</summary>
    private void KillLeftoverShims()
    {
        foreach (var procDir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(procDir), out var pid))
            {
                continue;
            }

            string commandLine;
            try
            {
                commandLine = File.ReadAllText(Path.Combine(procDir, "cmdline")).Replace('\0', ' ');
            }
            catch (IOException)
            {
                continue;
            }
            catch (UnauthorizedAccessException)
            {
                continue;
            }

            if (commandLine.Contains("containerd-shim", StringComparison.Ordinal) && commandLine.Contains(Socket, StringComparison.Ordinal))
            {
                try
                {
                    using var shim = Process.GetProcessById(pid);
                    shim.Kill(entireProcessTree: true);
                    shim.WaitForExit(5_000);
                }
                catch (ArgumentException)
                {
                    // Already gone.
                }
                catch (InvalidOperationException)
                {
                }
            }
        }
    }

    /// <summary>Lazily unmounts anything still mounted under <paramref name="directory"/>, deepest first.</summary>
    internal static void UnmountUnder(string directory)
    {
        var prefix = directory.TrimEnd('/') + "/";
        var mountPoints = File.ReadAllLines("/proc/mounts")
            .Select(line => line.Split(' '))
            .Where(fields => fields.Length > 1 && fields[1].StartsWith(prefix, StringComparison.Ordinal))
            .Select(fields => fields[1])
            .Reverse()
            .ToList();
        foreach (var mountPoint in mountPoints)
        {
            using var umount = Process.Start("/bin/umount", ["-l", mountPoint]);
            umount.WaitForExit(10_000);
        }
    }
}
