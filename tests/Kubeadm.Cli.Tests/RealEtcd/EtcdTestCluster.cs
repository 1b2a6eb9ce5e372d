using System.Net;
using System.Net.Sockets;
using Kubeadm.App.EtcdApi;
using Kubeadm.App.Host;
using Kubeadm.Core.ControlPlane;
using Kubeadm.Core.EtcdApi;

namespace Kubeadm.Cli.Tests.RealEtcd;

/// <summary>
/// A stacked etcd cluster of Debian's etcd 3.4 on 127.0.0.1, one member per node directory: each node's etcd
/// certificates come from our `init phase certs etcd-*` (one shared etcd CA) and its etcd.yaml from our
/// `init phase etcd local`, with the URLs moved to free ports through etcd.local.extraArgs. Every process started is
/// killed by pid on <see cref="Dispose"/>, and the node directories are deleted.
/// </summary>
internal sealed class EtcdTestCluster : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("kubeadm-etcd-cluster-").FullName;
    private readonly Dictionary<string, EtcdProcess> _processes = new(StringComparer.Ordinal);

    public List<EtcdTestNode> Nodes { get; } = [];

    /// <summary>Creates <paramref name="size"/> nodes (n1, n2, …) forming one new cluster, and starts them.</summary>
    public static async Task<EtcdTestCluster> StartAsync(int size)
    {
        Assert.True(File.Exists(EtcdProcess.EtcdBinary), $"{EtcdProcess.EtcdBinary} is missing: install Debian's etcd-server and etcd-client packages");
        var cluster = new EtcdTestCluster();
        try
        {
            var nodes = Enumerable.Range(1, size).Select(i => cluster.NewNode($"n{i}")).ToList();
            var initialCluster = string.Join(",", nodes.Select(n => $"{n.Name}={n.PeerUrl}"));
            foreach (var node in nodes)
            {
                await cluster.PrepareAsync(node, initialCluster, "new");
            }

            foreach (var node in nodes)
            {
                cluster.Start(node);
            }

            await cluster.WaitHealthyAsync(nodes);
            return cluster;
        }
        catch
        {
            cluster.Dispose();
            throw;
        }
    }

    public void Start(EtcdTestNode node)
    {
        var pod = StaticPodSerializer.FromJson(ManifestJson.FromYaml(File.ReadAllText(node.ManifestPath)));
        _processes[node.Name] = EtcdProcess.Start(Assert.Single(pod.Spec.Containers).Command.ToList(), node.Rootfs);
    }

    /// <summary>Kills the member's process (by its pid) and waits for it to exit.</summary>
    public void Stop(EtcdTestNode node)
    {
        if (_processes.Remove(node.Name, out var process))
        {
            process.Dispose();
        }
    }

    public string LogOf(EtcdTestNode node) => _processes.TryGetValue(node.Name, out var process) ? process.Log : "(not running)";

    /// <summary>Our etcd client as kubeadm builds it on <paramref name="node"/> (its CA and healthcheck-client pair).</summary>
    public static IEtcdCluster ClientOn(EtcdTestNode node, IReadOnlyList<string> endpoints, TimeSpan timeout, Action<string>? progress = null) =>
        new EtcdClusterFactory(new PhysicalFileSystem(node.Rootfs), TimeProvider.System, progress)
            .ForEndpoints(endpoints, "/etc/kubernetes/pki", timeout);

    /// <summary>etcdctl's member list, one "name,peerURL,isLearner" line per member, asked through <paramref name="via"/>.</summary>
    public static async Task<string> EtcdctlMemberListAsync(EtcdTestNode via)
    {
        var result = await new Etcdctl($"{via.Rootfs}/etc/kubernetes/pki", "etcd/healthcheck-client", via.ClientUrl).RunAsync("member", "list");
        Assert.True(result.ExitCode == 0, result.Output);
        return string.Join('\n', result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(", "))
            .Select(fields => $"{fields[2]},{fields[3]},{fields[5]}")
            .Order(StringComparer.Ordinal));
    }

    public void Dispose()
    {
        foreach (var process in _processes.Values)
        {
            process.Dispose();
        }

        _processes.Clear();
        Directory.Delete(_root, recursive: true);
    }

    public EtcdTestNode NewNode(string name)
    {
        var node = new EtcdTestNode(name, Path.Combine(_root, name), FreePort(), FreePort(), FreePort());
        Directory.CreateDirectory(node.Rootfs);
        Nodes.Add(node);
        return node;
    }

    public async Task PrepareAsync(EtcdTestNode node, string initialCluster, string state)
    {
        if (Nodes[0] != node)
        {
            // Every member's certificates are signed by the one etcd CA, as `kubeadm join --control-plane` copies it.
            var caDir = Directory.CreateDirectory($"{node.Rootfs}/etc/kubernetes/pki/etcd").FullName;
            foreach (var file in new[] { "ca.crt", "ca.key" })
            {
                File.Copy($"{Nodes[0].Rootfs}/etc/kubernetes/pki/etcd/{file}", Path.Combine(caDir, file));
            }
        }

        var config = Path.Combine(node.Rootfs, "kubeadm.yaml");
        await File.WriteAllTextAsync(config, $"""
            apiVersion: kubeadm.k8s.io/v1beta4
            kind: InitConfiguration
            localAPIEndpoint:
              advertiseAddress: 127.0.0.1
            nodeRegistration:
              name: {node.Name}
            ---
            apiVersion: kubeadm.k8s.io/v1beta4
            kind: ClusterConfiguration
            etcd:
              local:
                extraArgs:
                - name: listen-client-urls
                  value: {node.ClientUrl}
                - name: advertise-client-urls
                  value: {node.ClientUrl}
                - name: listen-peer-urls
                  value: {node.PeerUrl}
                - name: initial-advertise-peer-urls
                  value: {node.PeerUrl}
                - name: listen-metrics-urls
                  value: http://127.0.0.1:{node.MetricsPort}
                - name: initial-cluster
                  value: {initialCluster}
                - name: initial-cluster-state
                  value: {state}
            """);
        foreach (var phase in new[] { "etcd-ca", "etcd-server", "etcd-peer", "etcd-healthcheck-client" })
        {
            await RunKubeadmAsync("init", "phase", "certs", phase, "--rootfs", node.Rootfs, "--config", config);
        }

        await RunKubeadmAsync("init", "phase", "etcd", "local", "--rootfs", node.Rootfs, "--config", config);
    }

    private async Task WaitHealthyAsync(List<EtcdTestNode> nodes)
    {
        using var client = ClientOn(nodes[0], [.. nodes.Select(n => n.ClientUrl)], TimeSpan.FromSeconds(30));
        try
        {
            await client.WaitForClusterAvailableAsync(60, TimeSpan.FromMilliseconds(500), CancellationToken.None);
        }
        catch (EtcdClusterException e)
        {
            Assert.Fail($"the test etcd cluster did not start: {e.Message}\n{string.Join("\n", nodes.Select(n => $"--- {n.Name}:\n{LogOf(n)}"))}");
        }
    }

    public static async Task<CliRun> RunKubeadmAsync(params string[] args) => await RunKubeadmAsync(null, args);

    public static async Task<CliRun> RunKubeadmAsync(Func<string?>? stdin, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var host = KubeadmCli.RealHost(output, error);
        var exitCode = await KubeadmCli.RunAsync(args, stdin is null ? host : host with { ReadLine = stdin });
        var run = new CliRun(exitCode, output.ToString(), error.ToString());
        Assert.True(args[0] == "reset" || exitCode == 0, $"kubeadm {string.Join(' ', args)} failed:\n{run.Output}\n{run.Error}");
        return run;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>One etcd node of the test: its directory (the --rootfs) and its ports on 127.0.0.1.</summary>
internal sealed record EtcdTestNode(string Name, string Rootfs, int ClientPort, int PeerPort, int MetricsPort)
{
    public string ClientUrl => $"https://127.0.0.1:{ClientPort}";

    public string PeerUrl => $"https://127.0.0.1:{PeerPort}";

    public string ManifestPath => $"{Rootfs}/etc/kubernetes/manifests/etcd.yaml";

    public string DataDir => $"{Rootfs}/var/lib/etcd";
}
