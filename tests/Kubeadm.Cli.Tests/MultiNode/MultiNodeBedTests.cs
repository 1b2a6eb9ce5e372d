using System.Net;

namespace Kubeadm.Cli.Tests.MultiNode;

/// <summary>The bed itself, with the real tools (unshare, nsenter, ip, bridge): nodes reach each other by address and name, nothing else.</summary>
[Trait("Category", "RealTools")]
[Trait("Category", "MultiNode")]
public sealed class MultiNodeBedTests
{
    [MultiNodeFact]
    public async Task Should_GiveEachNodeItsNameAddressAndPrivateDirs_And_ConnectThemOnTheBridge_When_Started()
    {
        MultiNodeRequirements.Verify();
        int[] holders;
        string work;
        await using (var bed = await MultiNodeBed.StartAsync(2, TimeSpan.FromMinutes(2)))
        {
            work = bed.WorkDir;
            holders = [.. bed.Nodes.Select(n => n.Namespace.HolderPid)];
            var (one, two) = (bed.Nodes[0], bed.Nodes[1]);
            var info = await NodeCommand.RunAsync(two.Namespace.Launcher, "/bin/sh",
                ["-c", $"hostname; ip -o -4 addr show node0; getent hosts {MultiNodeBed.ControlPlaneEndpointName}; findmnt -n -o FSTYPE /etc/kubernetes"], TimeSpan.FromSeconds(20));
            Assert.True(info.ExitCode == 0, info.Error);
            Assert.StartsWith("node-2\n", info.Output, StringComparison.Ordinal);
            Assert.Contains($"inet {MultiNodeBed.AddressOf(2)}/24", info.Output);
            Assert.Contains($"{MultiNodeBed.AddressOf(1)}      {MultiNodeBed.ControlPlaneEndpointName}", info.Output);
            Assert.EndsWith("tmpfs\n", info.Output, StringComparison.Ordinal);

            // node-1's kubelet healthz (in node-1's namespace) answers node-2 over the bridge; the machine's loopback has no such listener bound by the bed.
            using var listener = one.Network.Listen(new IPEndPoint(IPAddress.Any, 18080));
            var accepted = listener.AcceptSocketAsync();
            using var client = new HttpClient(two.Network.HttpHandler()) { Timeout = TimeSpan.FromSeconds(10) };
            _ = client.GetAsync($"http://{one.Address}:18080/");
            using var peer = await accepted.WaitAsync(TimeSpan.FromSeconds(10));
            Assert.Equal(two.Address, ((IPEndPoint)peer.RemoteEndPoint!).Address.ToString());
            using var healthz = await client.GetAsync("http://127.0.0.1:10248/healthz");
            Assert.Equal("ok", await healthz.Content.ReadAsStringAsync());
        }

        Assert.All(holders, pid => Assert.False(Directory.Exists($"/proc/{pid}") && !File.ReadAllText($"/proc/{pid}/stat").Contains(" Z ", StringComparison.Ordinal), $"holder {pid} survived"));
        Assert.False(Directory.Exists(work));
    }
}
