using System.Diagnostics;
using System.Globalization;
using Kubeadm.Cli.Tests.Runtime;

namespace Kubeadm.Cli.Tests.MultiNode;

/// <summary>
/// The test's "switch": a network namespace of its own (held open by a bounded <c>unshare -n sleep</c>) with a bridge
/// <c>br0</c> that has <see cref="Address"/> (TEST-NET-1). Nodes (<see cref="RealNode.NodeNamespace"/> with a
/// <see cref="NodeNetwork.Switch"/>) move their veth peer in here and <see cref="AttachAsync"/> enslaves it to the
/// bridge, so nodes reach each other by address while the machine's own network namespace is never touched.
/// Dispose kills the holder by pid; the bridge and the peers go away with the namespace.
/// </summary>
internal sealed class NetworkSwitch : IAsyncDisposable
{
    public const string Address = "192.0.2.1";

    private readonly Process _holder;

    private NetworkSwitch(Process holder) => _holder = holder;

    public int HolderPid => _holder.Id;

    /// <summary>Prefix that runs a command in the switch's network namespace.</summary>
    public IReadOnlyList<string> Launcher => ["/usr/bin/nsenter", "-t", HolderPid.ToString(CultureInfo.InvariantCulture), "-n", "--"];

    public static async Task<NetworkSwitch> StartAsync(TimeSpan lifetime)
    {
        HostTool.Require("/usr/bin/unshare", "util-linux");
        HostTool.Require("/usr/sbin/ip", "iproute2");
        var script = string.Join('\n',
            "set -e",
            "ip link set lo up",
            "ip link add br0 type bridge",
            "ip link set br0 up",
            $"ip addr add {Address}/24 dev br0",
            "echo ready",
            $"exec sleep {(int)lifetime.TotalSeconds}");
        var holder = await RealNode.NamespaceHolder.StartAsync(["-n"], script, "the switch's network namespace");
        return new NetworkSwitch(holder);
    }

    /// <summary>Enslaves a node's veth peer (already moved into this namespace) to the bridge and brings it up.</summary>
    public Task AttachAsync(string peerName) =>
        HostTool.RunCheckedAsync(Launcher[0], [.. Launcher.Skip(1), "/bin/sh", "-c", $"ip link set {peerName} master br0 && ip link set {peerName} up"], TimeSpan.FromSeconds(20));

    public async ValueTask DisposeAsync()
    {
        if (!_holder.HasExited)
        {
            _holder.Kill();
        }

        await _holder.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        _holder.Dispose();
    }
}
