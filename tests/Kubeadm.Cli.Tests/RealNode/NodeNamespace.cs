using System.Diagnostics;
using Kubeadm.Cli.Tests.MultiNode;
using Kubeadm.Cli.Tests.Runtime;

namespace Kubeadm.Cli.Tests.RealNode;

/// <summary>
/// A test node on this machine: its own mount and network namespaces, held open by a small holder process
/// (<c>unshare -m -n</c>), so a real kubelet, containerd and kubeadm can use the real paths (/etc/kubernetes,
/// /var/lib/kubelet, …) and ports (6443, 2379, 10250, …) without touching the machine's:
/// <list type="bullet">
/// <item>/etc, /usr, /var/lib and /var/log are overlays whose upper layer is in a scratch dir, so whatever the node
/// creates there (kubelet hostPath DirectoryOrCreate, /etc/kubernetes, …) stays in the scratch dir;</item>
/// <item>/etc/kubernetes, /var/lib/kubelet, /var/lib/etcd, /var/log/pods and /var/log/containers are empty tmpfs;</item>
/// <item>the network has loopback plus a veth pair with <see cref="Address"/> (TEST-NET-1, never routed), the
/// default route on it, ip_forward on (all per-namespace); link-local addresses (cloud metadata) unreachable and
/// a resolver on the node's own loopback, so lookups and metadata probes fail at once instead of timing out; with a
/// <see cref="NetworkSwitch"/> the pair's peer end is moved into the switch's namespace and attached to its bridge,
/// so several nodes reach each other; without one, <see cref="LinkAsync"/> connects two nodes with a veth pair of
/// their own;</item>
/// <item>its own UTS namespace: the hostname is the node's name when one is given (kubeadm's default node name);</item>
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
    /// <summary>The single node's address (TEST-NET-1, RFC 5737: documentation only, never routed).</summary>
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

    private NodeNamespace(string scratch, Process holder, string cgroupName, List<string> cgroupDirectories, NodeNetwork network)
    {
        Scratch = scratch;
        Address = network.Address;
        Hostname = network.Hostname;
        _holder = holder;
        CgroupRoot = "/" + cgroupName;
        _cgroupDirectories = cgroupDirectories;
        _netNamespace = NamespaceOf(holder.Id, "net") ?? throw new InvalidOperationException("the node's holder process has no network namespace");
        _mountNamespace = NamespaceOf(holder.Id, "mnt") ?? throw new InvalidOperationException("the node's holder process has no mount namespace");
    }

    /// <summary>The node's address on its veth (TEST-NET-1, RFC 5737: documentation only, never routed).</summary>
    public string Address { get; }

    /// <summary>The node's hostname (its own UTS namespace), or null when it keeps the machine's.</summary>
    public string? Hostname { get; }

    /// <summary>The scratch dir on the machine (overlay upper layers, logs): visible at the same path inside.</summary>
    public string Scratch { get; }

    /// <summary>The cgroup (in every v1 hierarchy) the kubelet's cgroupRoot points at.</summary>
    public string CgroupRoot { get; }

    public int HolderPid => _holder.Id;

    /// <summary>Prefix that runs a command in the node: <c>nsenter -t &lt;holder&gt; -m -n -u --</c>.</summary>
    public IReadOnlyList<string> Launcher => ["/usr/bin/nsenter", "-t", HolderPid.ToString(System.Globalization.CultureInfo.InvariantCulture), "-m", "-n", "-u", "--"];

    /// <summary>Where a path of the node is seen from the machine (through the holder's root).</summary>
    public string HostPath(string nodePath) => $"/proc/{HolderPid}/root{nodePath}";

    /// <summary>A node on no switch (by default the single test node: <see cref="DefaultAddress"/>, the machine's hostname).</summary>
    /// <param name="lifetime">How long the holder lives at most (bounded even if the test process dies).</param>
    /// <param name="address">The node's address, in 192.0.2.0/24.</param>
    /// <param name="hostname">The node's hostname; null keeps the machine's.</param>
    /// <param name="privateDirectories">More directories to hide behind an empty tmpfs (created on the machine if missing), e.g. /run/containerd.</param>
    public static Task<NodeNamespace> StartAsync(TimeSpan lifetime, string address = DefaultAddress, string? hostname = null, IReadOnlyList<string>? privateDirectories = null) =>
        StartAsync(lifetime, new NodeNetwork(address, hostname), privateDirectories);

    /// <summary>A node with the given address, hostname and (optionally) a place on a switch's bridge.</summary>
    public static async Task<NodeNamespace> StartAsync(TimeSpan lifetime, NodeNetwork network, IReadOnlyList<string>? privateDirectories = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        HostTool.Require("/usr/bin/unshare", "util-linux");
        HostTool.Require("/usr/bin/nsenter", "util-linux");
        HostTool.Require("/usr/sbin/ip", "iproute2");
        var scratch = Directory.CreateTempSubdirectory("knode-").FullName;
        var cgroupName = "kubeadm-test-" + Path.GetFileName(scratch);
        var cgroups = CreateCgroupRoot(cgroupName);
        Process holder;
        try
        {
            holder = await NamespaceHolder.StartAsync(["-m", "-n", "-u", "--propagation", "private"], SetupScript(scratch, lifetime, network, privateDirectories ?? []), "the node's namespaces");
        }
        catch
        {
            RemoveCgroups(cgroups);
            Directory.Delete(scratch, recursive: true);
            throw;
        }

        var node = new NodeNamespace(scratch, holder, cgroupName, cgroups, network);
        if (network.Switch is { } networkSwitch)
        {
            try
            {
                await networkSwitch.AttachAsync(network.PeerName);
            }
            catch
            {
                await node.DisposeAsync();
                throw;
            }
        }

        return node;
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

    private static string SetupScript(string scratch, TimeSpan lifetime, NodeNetwork network, IReadOnlyList<string> privateDirectories)
    {
        var lines = new List<string>
        {
            "set -e",
            "ip link set lo up",
            $"ip link add node0 type veth peer name {network.PeerName}",
            network.Switch is { } networkSwitch
                ? $"ip link set {network.PeerName} netns {networkSwitch.HolderPid}"
                : $"ip link set {network.PeerName} up",
            $"ip addr add {network.Address}/24 dev node0",
            "ip link set node0 up",
            "ip route add default dev node0",
            // Cloud metadata (169.254.169.254) answers at once, as on a host that is not in that cloud: the kubelet's
            // cloud and credential probes otherwise wait seconds on packets the default route drops.
            "ip route add unreachable 169.254.0.0/16",
            "echo 1 > /proc/sys/net/ipv4/ip_forward",
        };
        if (network.Hostname is { } hostname)
        {
            lines.Add($"hostname {hostname}");
        }

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

        if (network.Hosts.Count > 0)
        {
            // The node's own /etc/hosts (in the /etc overlay): the names the test gives, e.g. the control-plane endpoint.
            var hosts = string.Join("\\n", network.Hosts.Select(h => $"{h.Value} {h.Key}"));
            lines.Add($"printf '127.0.0.1 localhost\\n{hosts}\\n' > /etc/hosts");
        }

        // Name lookups fail at once (nothing answers on the node's loopback), as on a host whose resolver works; the
        // machine's nameserver is not reachable from the node, and its 5 s timeouts would be the kubelet's start-up.
        var resolver = Path.Combine(scratch, "resolv.conf");
        lines.Add($"printf 'nameserver 127.0.0.1\\n' > '{resolver}' && mount --bind '{resolver}' /etc/resolv.conf");

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
