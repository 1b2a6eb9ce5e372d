using System.Globalization;
using Kubeadm.Cli.Tests.RealNode;
using Kubeadm.Core.Constants;

namespace Kubeadm.Cli.Tests.MultiNode;

/// <summary>
/// Several kubeadm nodes on this machine (docs/testing-multi-node.md): a <see cref="NetworkSwitch"/> (its own network
/// namespace with bridge br0, 192.0.2.1) and N <see cref="BedNode"/>s, node i a <see cref="NodeNamespace"/> named
/// <c>node-i</c> (its hostname) with address 192.0.2.(10+i) on the bridge, private tmpfs /etc/kubernetes,
/// /var/lib/kubelet, /var/lib/etcd, and a <see cref="NodeKubelet"/> running its static pods. Every node's /etc/hosts
/// maps <see cref="ControlPlaneEndpointName"/> to node 1 (the control-plane endpoint) and each node's name to its
/// address. Only TEST-NET-1 addresses and loopback are used; the machine's network namespace is untouched.
/// Dispose stops everything by pid (kubelets, every process left in a node, the namespaces' holders).
/// </summary>
internal sealed class MultiNodeBed : IAsyncDisposable
{
    /// <summary>The control-plane endpoint's name (RFC 2606 .test), resolved by each node's hosts file to node 1.</summary>
    public const string ControlPlaneEndpointName = "k8s-api.kubeadm.test";

    private readonly NetworkSwitch _switch;
    private readonly List<BedNode> _nodes = [];

    private MultiNodeBed(NetworkSwitch networkSwitch, string workDir)
    {
        _switch = networkSwitch;
        WorkDir = workDir;
    }

    public IReadOnlyList<BedNode> Nodes => _nodes;

    /// <summary>Logs and scratch files of the bed (removed on dispose).</summary>
    public string WorkDir { get; }

    /// <summary>The control-plane endpoint as kubeadm takes it (<c>--control-plane-endpoint</c>).</summary>
    public static string ControlPlaneEndpoint => ControlPlaneEndpointName + ":6443";

    public static string AddressOf(int index) => $"192.0.2.{10 + index}";

    /// <summary>
    /// Starts the switch and <paramref name="nodeCount"/> nodes (node-1 … node-N). The first <paramref name="kubeletStandIns"/>
    /// (default: all) run the <see cref="NodeKubelet"/> stand-in; the others have none (<see cref="BedNode.Kubelet"/> is null),
    /// e.g. for a real kubelet in the node (its <see cref="NodeNamespace.CgroupRoot"/> and launcher are there).
    /// The stand-ins report <paramref name="kubeletVersion"/> (default: our kubeadm's own version) as their Nodes' kubelet
    /// version; <see cref="NodeKubelet.KubeletVersion"/> changes it later.
    /// </summary>
    public static async Task<MultiNodeBed> StartAsync(int nodeCount, TimeSpan lifetime, int kubeletStandIns = int.MaxValue, string? kubeletVersion = null)
    {
        var work = Directory.CreateTempSubdirectory("kubeadm-bed-").FullName;
        var bed = new MultiNodeBed(await NetworkSwitch.StartAsync(lifetime), work);
        try
        {
            var hosts = new Dictionary<string, string> { [ControlPlaneEndpointName] = AddressOf(1) };
            for (var i = 1; i <= nodeCount; i++)
            {
                hosts[$"node-{i}"] = AddressOf(i);
            }

            for (var i = 1; i <= nodeCount; i++)
            {
                var name = $"node-{i}";
                var network = new NodeNetwork(AddressOf(i), name, bed._switch, "kn" + i.ToString(CultureInfo.InvariantCulture)) { Hosts = hosts };
                var ns = await NodeNamespace.StartAsync(lifetime, network);
                var sockets = new NetworkNamespaceSockets(ns.HolderPid);
                bed._nodes.Add(new BedNode(name, ns, sockets, i <= kubeletStandIns ? new NodeKubelet(ns, name, Path.Combine(work, name), sockets, kubeletVersion ?? KubeadmVersion.Current) : null));
            }

            return bed;
        }
        catch
        {
            await bed.DisposeAsync();
            throw;
        }
    }

    /// <summary>Every node's component log tails (for failure messages).</summary>
    public string LogTails(int lines = 25) => string.Join('\n', _nodes.Select(n => n.LogTails(lines)));

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }

        await _switch.DisposeAsync();
        try
        {
            Directory.Delete(WorkDir, recursive: true);
        }
        catch (IOException)
        {
            // Left for inspection under the temp dir.
        }
    }
}
