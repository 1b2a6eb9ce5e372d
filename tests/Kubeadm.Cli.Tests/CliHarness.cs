using System.Net;
using System.Text;
using Kubeadm.App.Init;
using Kubeadm.Core.Host;
using Kubeadm.Core.Preflight;
using Kubeadm.Core.Runtime;

namespace Kubeadm.Cli.Tests;

/// <summary>Runs the real command tree against an in-memory host and captures what it printed and wrote.</summary>
public sealed class CliHarness
{
    private readonly Dictionary<string, string> _userFiles = new(StringComparer.Ordinal);

    public InMemoryFileSystem FileSystem { get; } = new();

    public RecordingServiceManager Services { get; } = new();

    public Dictionary<string, string> Environment { get; } = new(StringComparer.Ordinal);

    /// <summary>The host preflight probes: an in-memory machine (root, 2 CPUs, free ports, nothing installed).</summary>
    public InMemoryPreflightHost Preflight { get; } = new();

    /// <summary>The node's container runtime: ready, holding no images (pulls succeed) until a test changes it.</summary>
    public InMemoryContainerRuntime Runtime { get; } = new();

    public IPAddress? DefaultRouteAddress { get; set; } = IPAddress.Parse("192.168.10.20");

    /// <summary>What the user types on standard input, one entry per line; empty means no input at all.</summary>
    public Queue<string> Stdin { get; } = new();

    /// <summary>What `kubeadm join` reads as cluster-info; by default a server that refuses every connection.</summary>
    public Kubeadm.App.Join.IClusterInfoSource? ClusterInfo { get; set; }

    /// <summary>The cluster `kubeadm join` reaches with its TLS bootstrap kubeconfig; null: the real client (nothing answers).</summary>
    public Kubeadm.Core.ClusterApi.IClusterApi? Cluster { get; set; }

    public CliHarness WithUserFile(string path, string content)
    {
        _userFiles[path] = content;
        return this;
    }

    /// <summary>Run on the whole command tree instead of the tree built for the command line.</summary>
    public bool WholeCommandTree { get; set; }

    public async Task<CliRun> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var environment = new InitEnvironment
        {
            Out = output,
            Err = error,
            FileSystemFor = _ => FileSystem,
            HostInfoFor = _ => DefaultRouteAddress is { } address ? new FixedHostInfo("Control-Plane-1", address) : new FixedHostInfo("Control-Plane-1"),
            ServiceManager = () => Services,
            PreflightHostFor = _ => Preflight,
            ContainerRuntimeFor = (_, _) => Runtime,
            Random = new SeededRandomSource(42),
            ClusterInfoSource = () => ClusterInfo ?? new Kubeadm.App.Join.KubernetesClusterInfoSource(),
            ClusterClientForKubeconfig = Cluster is { } cluster ? _ => cluster : null,
            ReadLine = () => Stdin.Count > 0 ? Stdin.Dequeue() : null,
            GetEnvironmentVariable = name => Environment.GetValueOrDefault(name),
            ReadUserFile = path => _userFiles.TryGetValue(path, out var text)
                ? Encoding.UTF8.GetBytes(text)
                : throw new FileNotFoundException($"open {path}: no such file or directory"),
        };
        var exitCode = WholeCommandTree
            ? await KubeadmCli.RunOnTreeAsync(args, environment, KubeadmCli.Create(environment))
            : await KubeadmCli.RunAsync(args, environment);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }
}
