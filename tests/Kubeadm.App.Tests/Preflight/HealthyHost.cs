using System.Net;
using System.Text;
using Kubeadm.App.Init;
using Kubeadm.App.Preflight;
using Kubeadm.App.Tests.Certs;
using Kubeadm.Core.Configuration;
using Kubeadm.Core.Host;
using Kubeadm.Core.Preflight;
using Kubeadm.Core.Runtime;

namespace Kubeadm.App.Tests.Preflight;

/// <summary>A host on which every init check passes (node "n1", 10.0.0.1, local etcd) until a test breaks something.</summary>
internal sealed class HealthyHost
{
    public HealthyHost()
    {
        Config = CertsFixture.NewConfig(c =>
        {
            c.Cluster.KubernetesVersion = "v1.34.2";
            c.Init.NodeRegistration.CriSocket = "unix:///var/run/containerd/containerd.sock";
        });
        Write("/proc/meminfo", "MemTotal:        8048576 kB\nMemFree:         1000000 kB\n");
        Write("/proc/swaps", "Filename\t\t\t\tType\t\tSize\t\tUsed\t\tPriority\n");
        Write("/proc/sys/net/ipv4/ip_forward", "1\n");
        Write("/proc/sys/net/ipv6/conf/default/forwarding", "1\n");
        Write("/proc/sys/kernel/osrelease", "6.8.0-45-generic\n");
        Write("/sys/fs/cgroup/cgroup.controllers", "cpuset cpu io memory hugetlb pids rdma misc\n");
        foreach (var name in new[] { "ip", "iptables", "mount", "nsenter", "ebtables", "ethtool", "socat", "tc", "touch" })
        {
            Host.WithExecutable(name);
        }

        Host.WithExecutable("kubelet", "Kubernetes v1.34.2\n");
        Host.Names["n1"] = [IPAddress.Parse("10.0.0.1")];
        Host.ListeningSockets.Add("/var/run/containerd/containerd.sock");
        Host.Services["kubelet"] = new ServiceStatus("kubelet", "loaded", "inactive", "enabled");
    }

    public InMemoryFileSystem FileSystem { get; } = new();

    public InMemoryPreflightHost Host { get; } = new();

    /// <summary>A ready runtime holding no images until a test adds them.</summary>
    public InMemoryContainerRuntime Runtime { get; } = new();

    public Dictionary<string, string> Environment { get; } = new(StringComparer.Ordinal);

    public KubeadmConfig Config { get; set; }

    public StringWriter Out { get; private set; } = new();

    public StringWriter Err { get; private set; } = new();

    public void Write(string path, string content) =>
        FileSystem.WriteFile(path, Encoding.UTF8.GetBytes(content), UnixFileMode.UserRead | UnixFileMode.UserWrite);

    public PreflightInputs Inputs() =>
        new(Config, FileSystem, Host, name => Environment.GetValueOrDefault(name), Out) { EtcdRetryInterval = TimeSpan.Zero, ContainerRuntime = () => Runtime };

    /// <summary>Runs every init check (not the root check) and returns the report.</summary>
    public async Task<PreflightReport> RunChecksAsync()
    {
        Out = new StringWriter();
        Err = new StringWriter();
        return await PreflightChecksRunner.RunAsync(
            InitPreflightChecks.Create(Inputs()), new IgnoredPreflightErrors(Config.Init.NodeRegistration.IgnorePreflightErrors), Err, default);
    }

    /// <summary>The findings of the checks named <paramref name="name"/>.</summary>
    public async Task<IReadOnlyList<PreflightFinding>> FindingsOfAsync(string name) =>
        [.. (await RunChecksAsync()).Findings.Where(f => f.CheckName == name)];

    public InitContext Context(bool dryRun = false)
    {
        Out = new StringWriter();
        Err = new StringWriter();
        Config.Init.DryRun = dryRun;
        return new InitContext
        {
            Loaded = new LoadedInitConfiguration(Config, new InitOptions()),
            FileSystem = FileSystem,
            ServiceManager = new RecordingServiceManager(),
            Clock = TimeProvider.System,
            Random = new SeededRandomSource(1),
            KeyGenerator = new FastKeys(),
            StartTime = DateTimeOffset.UnixEpoch,
            Out = Out,
            Err = Err,
            GetEnvironmentVariable = name => Environment.GetValueOrDefault(name),
            PreflightHost = Host,
            ContainerRuntime = () => Runtime,
        };
    }
}
