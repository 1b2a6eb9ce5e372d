namespace Kubeadm.Cli.Tests.RealNode;

/// <summary>The test node's isolation itself, against the real tools (unshare, nsenter, ip, mount).</summary>
[Trait("Category", "RealTools")]
[Trait("Category", "RealNode")]
public sealed class NodeNamespaceTests
{
    [Fact]
    public async Task Should_GiveTheNodePrivateKubernetesDirsAddressAndKernelSettings_And_LeaveNothingBehind_When_Disposed()
    {
        var machinePanic = (await File.ReadAllTextAsync("/proc/sys/kernel/panic")).Trim();
        var node = await NodeNamespace.StartAsync(TimeSpan.FromMinutes(2));
        var scratch = node.Scratch;
        var cgroup = node.CgroupRoot;
        int sleeper;
        try
        {
            var (exitCode, text) = await node.RunAsync("/bin/sh", ["-c",
                "set -e; touch /etc/kubernetes/admin.conf /usr/node-only; mkdir -p /var/lib/kubelet/pki; " +
                "cat /proc/sys/kernel/panic; ip -o -4 addr show node0; findmnt -n -o FSTYPE /var/lib/etcd; ls -A /var/lib/etcd | wc -l"], TimeSpan.FromSeconds(20));
            Assert.True(exitCode == 0, text);
            Assert.StartsWith("10\n", text, StringComparison.Ordinal);
            Assert.Contains($"inet {node.Address}/24", text);
            Assert.EndsWith("tmpfs\n0\n", text, StringComparison.Ordinal);
            Assert.True(File.Exists(node.HostPath("/etc/kubernetes/admin.conf")));
            Assert.False(File.Exists("/usr/node-only"), "a file the node wrote under /usr reached the machine");
            Assert.False(File.Exists("/etc/kubernetes/admin.conf"), "the node's /etc/kubernetes is the machine's");
            Assert.Equal(machinePanic, (await File.ReadAllTextAsync("/proc/sys/kernel/panic")).Trim());
            Assert.True(Directory.Exists(Path.Combine("/sys/fs/cgroup/memory", cgroup.TrimStart('/'))));

            var background = System.Diagnostics.Process.Start(node.LoggedCommand(["/bin/sleep", "300"], Path.Combine(scratch, "sleep.log"), new Dictionary<string, string>()))!;
            sleeper = background.Id;
            await Task.Delay(300);
            Assert.Contains(sleeper, node.ProcessesInside());
        }
        finally
        {
            await node.DisposeAsync();
        }

        Assert.False(Directory.Exists($"/proc/{sleeper}") && !File.ReadAllText($"/proc/{sleeper}/stat").Contains(" Z ", StringComparison.Ordinal), "a process started in the node survived Dispose");
        Assert.False(Directory.Exists(scratch));
        Assert.False(Directory.Exists(Path.Combine("/sys/fs/cgroup/memory", cgroup.TrimStart('/'))));
    }
}
