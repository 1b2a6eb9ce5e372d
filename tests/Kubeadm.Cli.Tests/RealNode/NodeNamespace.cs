using System.Diagnostics;
using Kubeadm.Cli.Tests.Runtime;

namespace Kubeadm.Cli.Tests.RealNode;

/// <summary>
/// A test node on this machine: its own mount, network and UTS namespaces, held open by a small holder process
/// (<c>unshare -m -n -u</c>), so a real kubelet, containerd and kubeadm can use the real paths (/etc/kubernetes,
/// /var/lib/kubelet, …) and ports (6443, 2379, 10250, …) without touching the machine's:
/// <list type="bullet">
/// <item>/etc, /usr, /var/lib and /var/log are overlays whose upper layer is in a scratch dir, so whatever the node
/// creates there (kubelet hostPath DirectoryOrCreate, /etc/kubernetes, …) stays in the scratch dir;</item>
/// <item>/etc/kubernetes, /var/lib/kubelet, /var/lib/etcd, /var/log/pods and /var/log/containers are empty tmpfs;</item>
/// <item>the network has loopback plus a veth pair with <see cref="Address"/> (TEST-NET-1, never routed), the
/// default route on it, ip_forward on (all per-namespace); <see cref="LinkAsync"/> connects two nodes with a veth
/// pair of their own;</item>
/// <item>a hostname of its own when one is given (what the kubelet and kubeadm take as the node name);</item>
/// <item>the kernel settings the kubelet would otherwise change machine-wide (vm.overcommit_memory, kernel.panic,
/// kernel.panic_on_oops) are shadowed inside the namespace by files holding the values it wants;</item>
/// <item>a cgroup root of its own (<see cref="CgroupRoot"/>) in every cgroup v1 hierarchy, for the kubelet's
/// cgroupRoot.</item>
/// </list>
/// Commands run inside with <see cref="Launcher"/> (nsenter, which execs: the pid is the command's own).
/// Dispose kills, by pid, every process left in the node's namespaces, then the holder, then removes the cgroups
/// and the scratch dir. See docs/testing-real-node.md.
/// </summary>
internal sealed class NodeNamespace : IAsyncDisposable
{
    /// <summary>The first node's address (TEST-NET-1, RFC 5737: documentation only, never routed).</summary>
    public const string DefaultAddress = "192.0.2.10";

    private static readonly string[] OverlaidDirectories = ["/etc", "/usr", "/var/lib", "/var/log"];
    private static readonly string[] PrivateDirectories = ["/etc/kubernetes", "/var/lib/kubelet", "/var/lib/etcd", "/var/log/pods", "/var/log/containers"];

    /// <summary>The kubelet's kernel tunables (pkg/kubelet/cm setupKernelTunables) that differ from a stock kernel.</summary>
    private static readonly (string Path, string Value)[] KubeletKernelSettings =
    [
        ("/proc/sys/vm/overcommit_memory", "1"),
        ("/proc/sys/kernel/panic", "10"),
        ("/proc/sys/kernel/panic_on_oops", "1"),
    ];

    private const string CgroupMount = "/sys/fs/cgroup";

    private readonly Process _holder;
    private readonly string _netNamespace;
    private readonly string _mountNamespace;
    private readonly List<string> _cgroupDirectories;

    private NodeNamespace(string scratch, string address, Process holder, string cgroupName, List<string> cgroupDirectories)
    {
        Scratch = scratch;
        Address = address;
        _holder = holder;
        CgroupRoot = "/" + cgroupName;
        _cgroupDirectories = cgroupDirectories;
        _netNamespace = NamespaceOf(holder.Id, "net") ?? throw new InvalidOperationException("the node's holder process has no network namespace");
        _mountNamespace = NamespaceOf(holder.Id, "mnt") ?? throw new InvalidOperationException("the node's holder process has no mount namespace");
    }

    /// <summary>The node's address on its own interface (TEST-NET-1, 192.0.2.0/24).</summary>
    public string Address { get; }

    /// <summary>The scratch dir on the machine (overlay upper layers, logs): visible at the same path inside.</summary>
    public string Scratch { get; }

    /// <summary>The cgroup (in every v1 hierarchy) the kubelet's cgroupRoot points at.</summary>
    public string CgroupRoot { get; }

    public int HolderPid => _holder.Id;

    /// <summary>Prefix that runs a command in the node: <c>nsenter -t &lt;holder&gt; -m -n -u --</c>.</summary>
    public IReadOnlyList<string> Launcher => ["/usr/bin/nsenter", "-t", HolderPid.ToString(System.Globalization.CultureInfo.InvariantCulture), "-m", "-n", "-u", "--"];

    /// <summary>Where a path of the node is seen from the machine (through the holder's root).</summary>
    public string HostPath(string nodePath) => $"/proc/{HolderPid}/root{nodePath}";

    /// <param name="lifetime">How long the holder lives at most (bounded even if the test process dies).</param>
    /// <param name="address">The node's address, in 192.0.2.0/24.</param>
    /// <param name="hostname">The node's hostname; null keeps the machine's.</param>
    /// <param name="privateDirectories">More directories to hide behind an empty tmpfs (created on the machine if missing), e.g. /run/containerd.</param>
    public static async Task<NodeNamespace> StartAsync(TimeSpan lifetime, string address = DefaultAddress, string? hostname = null, IReadOnlyList<string>? privateDirectories = null)
    {
        HostTool.Require("/usr/bin/unshare", "util-linux");
        HostTool.Require("/usr/bin/nsenter", "util-linux");
        HostTool.Require("/usr/sbin/ip", "iproute2");
        var scratch = Directory.CreateTempSubdirectory("knode-").FullName;
        var cgroupName = "kubeadm-test-" + Path.GetFileName(scratch);
        var cgroups = CreateCgroupRoot(cgroupName);
        var start = new ProcessStartInfo("/usr/bin/unshare") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])["-m", "-n", "-u", "--propagation", "private", "--", "/bin/sh", "-c", SetupScript(scratch, lifetime, address, hostname, privateDirectories ?? [])])
        {
            start.ArgumentList.Add(argument);
        }

        var holder = Process.Start(start) ?? throw new InvalidOperationException("unshare did not start");
        var stderr = holder.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        string? line;
        try
        {
            line = await holder.StandardOutput.ReadLineAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            line = null;
        }

        if (line != "ready")
        {
            if (!holder.HasExited)
            {
                holder.Kill();
            }

            await holder.WaitForExitAsync();
            RemoveCgroups(cgroups);
            Directory.Delete(scratch, recursive: true);
            throw new InvalidOperationException($"setting up the node's namespaces failed (exit {holder.ExitCode}): {line}\n{await stderr}");
        }

        return new NodeNamespace(scratch, address, holder, cgroupName, cgroups);
    }

    /// <summary>
    /// Connects two nodes with a veth pair of their own (one end in each network namespace) and a host route to the
    /// other's address over it; nothing else can be reached through it.
    /// </summary>
    public static async Task LinkAsync(NodeNamespace first, NodeNamespace second)
    {
        var (firstEnd, secondEnd) = ($"to{second.HolderPid}", $"to{first.HolderPid}");
        await HostTool.RunCheckedAsync("/usr/sbin/ip", ["link", "add", firstEnd, "netns", first.HolderPid.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "type", "veth", "peer", "name", secondEnd, "netns", second.HolderPid.ToString(System.Globalization.CultureInfo.InvariantCulture)], TimeSpan.FromSeconds(20));
        foreach (var (node, end, other) in new[] { (first, firstEnd, second), (second, secondEnd, first) })
        {
            var (exitCode, text) = await node.RunAsync("/bin/sh", ["-c",
                $"set -e; ip link set {end} up; ip route add {other.Address}/32 dev {end} src {node.Address}"], TimeSpan.FromSeconds(20));
            if (exitCode != 0)
            {
                throw new InvalidOperationException($"linking {node.Address} to {other.Address} failed: {text}");
            }
        }
    }

    /// <summary>Runs a command inside the node to completion (bounded), returning its exit code and output.</summary>
    public Task<(int ExitCode, string Output)> RunAsync(string binary, IEnumerable<string> arguments, TimeSpan timeout) =>
        HostTool.RunAsync(Launcher[0], [.. Launcher.Skip(1), binary, .. arguments], timeout);

    /// <summary>A start info for a long-running command inside the node, its output appended to <paramref name="logPath"/>.</summary>
    public ProcessStartInfo LoggedCommand(IReadOnlyList<string> command, string logPath, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(Launcher[0]) { UseShellExecute = false };
        foreach (var part in Launcher.Skip(1).Concat(["/bin/sh", "-c", "exec \"$0\" \"$@\" >>\"$LOG\" 2>&1"]).Concat(command))
        {
            start.ArgumentList.Add(part);
        }

        start.Environment.Clear();
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        start.Environment["LOG"] = logPath;
        return start;
    }

    public async ValueTask DisposeAsync()
    {
        // Two rounds: a process may fork while the first round runs.
        for (var round = 0; round < 2; round++)
        {
            foreach (var pid in ProcessesInside())
            {
                Kill(pid);
            }

            await Task.Delay(200);
        }

        if (!_holder.HasExited)
        {
            _holder.Kill();
        }

        await _holder.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        _holder.Dispose();
        await RemoveCgroupsAsync();
        try
        {
            Directory.Delete(Scratch, recursive: true);
        }
        catch (IOException)
        {
            // Left for inspection; it is under the temp dir.
        }
    }

    /// <summary>Pids of every process (but the holder) in the node's network or mount namespace.</summary>
    public IReadOnlyList<int> ProcessesInside()
    {
        var pids = new List<int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), out var pid) && pid != HolderPid
                && (NamespaceOf(pid, "net") == _netNamespace || NamespaceOf(pid, "mnt") == _mountNamespace))
            {
                pids.Add(pid);
            }
        }

        return pids;
    }

    private static string SetupScript(string scratch, TimeSpan lifetime, string address, string? hostname, IReadOnlyList<string> privateDirectories)
    {
        var lines = new List<string>
        {
            "set -e",
            hostname is null ? ":" : $"hostname '{hostname}'",
            "ip link set lo up",
            "ip link add node0 type veth peer name node0-peer",
            "ip link set node0-peer up",
            $"ip addr add {address}/24 dev node0",
            "ip link set node0 up",
            "ip route add default dev node0",
            "echo 1 > /proc/sys/net/ipv4/ip_forward",
        };
        foreach (var directory in OverlaidDirectories)
        {
            var layer = Path.Combine(scratch, "overlay", directory.Trim('/').Replace('/', '-'));
            lines.Add($"mkdir -p '{layer}/upper' '{layer}/work'");
            lines.Add($"mount -t overlay overlay -o 'lowerdir={directory},upperdir={layer}/upper,workdir={layer}/work' '{directory}'");
        }

        foreach (var directory in PrivateDirectories.Concat(privateDirectories))
        {
            lines.Add($"mkdir -p '{directory}' && mount -t tmpfs -o mode=0755 tmpfs '{directory}'");
        }

        foreach (var (path, value) in KubeletKernelSettings)
        {
            var file = Path.Combine(scratch, "sysctl-" + path.Replace('/', '-').Trim('-'));
            lines.Add($"echo {value} > '{file}' && mount --bind '{file}' '{path}'");
        }

        lines.Add("echo ready");
        // Bounded: the holder goes away on its own even if the test process dies.
        lines.Add($"exec sleep {(int)lifetime.TotalSeconds}");
        return string.Join('\n', lines);
    }

    private static string? NamespaceOf(int pid, string kind)
    {
        try
        {
            return new FileInfo($"/proc/{pid}/ns/{kind}").LinkTarget;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static void Kill(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            process.Kill();
            process.WaitForExit(5_000);
        }
        catch (ArgumentException)
        {
            // Already gone.
        }
        catch (InvalidOperationException)
        {
        }
    }

    /// <summary>Mount points under /sys/fs/cgroup of the given type ("cgroup" for v1 hierarchies, "cgroup2").</summary>
    private static IEnumerable<string> CgroupMounts(string type) =>
        File.ReadAllLines("/proc/mounts")
            .Select(line => line.Split(' '))
            .Where(fields => fields.Length > 2 && fields[2] == type && fields[1].StartsWith(CgroupMount + "/", StringComparison.Ordinal))
            .Select(fields => fields[1]);

    private static List<string> CreateCgroupRoot(string name)
    {
        var created = new List<string>();
        foreach (var hierarchy in CgroupMounts("cgroup"))
        {
            var directory = Path.Combine(hierarchy, name);
            Directory.CreateDirectory(directory);
            created.Add(directory);
            if (File.Exists(Path.Combine(directory, "cpuset.cpus")))
            {
                // A new cpuset starts empty and no task (or child cgroup's task) can join it until it has cpus and mems.
                File.WriteAllText(Path.Combine(directory, "cpuset.cpus"), File.ReadAllText(Path.Combine(hierarchy, "cpuset.cpus")).Trim());
                File.WriteAllText(Path.Combine(directory, "cpuset.mems"), File.ReadAllText(Path.Combine(hierarchy, "cpuset.mems")).Trim());
            }
        }

        // runc (hybrid mode) also mirrors container cgroups into the cgroup2 hierarchy: remove those afterwards too.
        created.AddRange(CgroupMounts("cgroup2").Select(unified => Path.Combine(unified, name)));
        return created;
    }

    private async Task RemoveCgroupsAsync()
    {
        // The kernel frees a cgroup's last tasks asynchronously after they are killed.
        for (var attempt = 0; attempt < 20 && !RemoveCgroups(_cgroupDirectories); attempt++)
        {
            await Task.Delay(250);
        }
    }

    /// <summary>rmdir of every cgroup under the roots, deepest first; true when all are gone.</summary>
    private static bool RemoveCgroups(IEnumerable<string> roots)
    {
        var done = true;
        foreach (var root in roots.Where(Directory.Exists))
        {
            foreach (var directory in Directory.EnumerateDirectories(root, "*", SearchOption.AllDirectories).Append(root).OrderByDescending(d => d.Length))
            {
                try
                {
                    Directory.Delete(directory);
                }
                catch (IOException)
                {
                    done = false;
                }
            }
        }

        return done;
    }
}
