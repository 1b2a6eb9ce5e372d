using System.Diagnostics;
using Kubeadm.Cli.Tests.ControlPlaneHost;
using Kubeadm.Cli.Tests.Runtime;
using Xunit.Abstractions;

namespace Kubeadm.Cli.Tests.RealNode;

/// <summary>
/// The real node path: the shipped native AOT `kubeadm init` on a test node (own mount and network namespaces,
/// <see cref="NodeNamespace"/>) with Debian's containerd + runc, the real kubelet v1.20.2 run as kubelet.service
/// with kubeadm's drop-in would run it (<see cref="SystemdKubelet"/>), and control-plane images assembled locally
/// (<see cref="RealNodeImages"/>) and imported with ctr. Nothing stands in for the kubelet: it starts our static
/// pods through CRI, registers the Node, takes over its client certificate; then a second init without reset
/// succeeds on the running node. See docs/testing-real-node.md.
/// </summary>
[Trait("Category", "RealTools")]
[Trait("Category", "RealNode")]
public sealed class RealNodeInitTests(ITestOutputHelper output)
{
    private const string NodeName = RealControlPlane.NodeName;

    [RealNodeFact]
    public async Task Should_RegisterTheNodeAndRunTheControlPlane_When_ThePublishedKubeadmInitsARealNode_AndSucceedAgain_When_ReRunWithoutReset()
    {
        RealNodeRequirements.Verify();
        var shim = await TestImageShimBinary.BuildAsync(TimeSpan.FromMinutes(8));

        await using var node = await RealTestNode.StartAsync(TimeSpan.FromMinutes(20));
        var (pause, built) = await RealControlPlane.PrepareAsync(node, shim);
        var kubelet = node.Kubelet!;
        var init = await RealControlPlane.InitArgumentsAsync(node);
        var address = node.Namespace.Address;

        // --- 1. init, the shipped binary, to the join command. ---
        var clock = Stopwatch.StartNew();
        var first = await node.KubeadmAsync(init, TimeSpan.FromMinutes(8));
        var firstTime = clock.Elapsed;
        output.WriteLine($"first init: {firstTime.TotalSeconds:0.0} s, exit {first.ExitCode}\n{first.Output}");
        Assert.True(first.ExitCode == 0, $"kubeadm init exited {first.ExitCode}:\n{first.Output}\n{node.Diagnostics()}");
        Assert.Contains("Your Kubernetes control-plane has initialized successfully!", first.Output);
        Assert.Matches(RealControlPlane.JoinLine(address), first.Output);
        Assert.Contains("[kubelet-check] The kubelet is healthy after", first.Output);
        Assert.Contains("[control-plane-check] kube-scheduler is healthy after", first.Output);

        // --- 2. The kubelet registered the Node and runs the control plane (mirror pods seen by the API). ---
        var nodeObject = await node.KubectlJsonAsync("get", "node", NodeName);
        Assert.Equal(K8sTestBinaries.GitVersion, (string)nodeObject["status"]!["nodeInfo"]!["kubeletVersion"]!);
        Assert.StartsWith("containerd://1.6", (string)nodeObject["status"]!["nodeInfo"]!["containerRuntimeVersion"]!, StringComparison.Ordinal);
        Assert.Contains(nodeObject["status"]!["addresses"]!.AsArray(), a => (string)a!["address"]! == address);
        Assert.Contains(nodeObject["spec"]!["taints"]!.AsArray(), t => (string)t!["key"]! == "node-role.kubernetes.io/control-plane");
        await RealControlPlane.WaitForMirrorPodsRunningAsync(node, TimeSpan.FromMinutes(2));

        // --- 3. The containers run in containerd (CRI namespace k8s.io), one per component plus the sandboxes. ---
        var running = await node.RunningImagesAsync();
        output.WriteLine("running containers' images: " + string.Join(", ", running));
        foreach (var image in built)
        {
            Assert.Contains(image, running);
        }

        Assert.True(running.Count(i => i == pause) >= RealControlPlane.Components.Length, $"expected a pause sandbox per static pod: {string.Join(", ", running)}");

        // --- 4. The kubelet's client certificate: kubelet.conf points at the rotated file, signed by our CA. ---
        var kubeletConf = await File.ReadAllTextAsync(node.Namespace.HostPath("/etc/kubernetes/kubelet.conf"));
        Assert.Contains("client-certificate: /var/lib/kubelet/pki/kubelet-client-current.pem", kubeletConf);
        Assert.Contains("client-key: /var/lib/kubelet/pki/kubelet-client-current.pem", kubeletConf);
        // The kubelet's certificate store: kubelet-client-current.pem is a symlink to kubelet-client-<timestamp>.pem,
        // absolute inside the node, so it is resolved against the node's root here.
        var link = new FileInfo(node.Namespace.HostPath("/var/lib/kubelet/pki/kubelet-client-current.pem")).LinkTarget;
        Assert.NotNull(link);
        Assert.Matches(@"^(/var/lib/kubelet/pki/)?kubelet-client-\d{4}-\d{2}-\d{2}-\d{2}-\d{2}-\d{2}\.pem$", link);
        var current = node.Namespace.HostPath("/var/lib/kubelet/pki/" + Path.GetFileName(link));
        var verify = await HostTool.RunAsync("/usr/bin/openssl", ["verify", "-CAfile", node.Namespace.HostPath("/etc/kubernetes/pki/ca.crt"), current], TimeSpan.FromSeconds(20));
        Assert.True(verify.ExitCode == 0 && verify.Output.Contains(": OK", StringComparison.Ordinal), $"openssl verify: {verify.Output}");
        var subject = await HostTool.RunCheckedAsync("/usr/bin/openssl", ["x509", "-noout", "-subject", "-nameopt", "RFC2253", "-in", current], TimeSpan.FromSeconds(20));
        Assert.Contains($"CN=system:node:{NodeName}", subject);
        Assert.Contains("O=system:nodes", subject);

        // --- 5. init again, without reset, on the running node. ---
        var ca = await File.ReadAllBytesAsync(node.Namespace.HostPath("/etc/kubernetes/pki/ca.crt"));
        var kubeletPid = kubelet.RunningPid;
        clock.Restart();
        var second = await node.KubeadmAsync(init, TimeSpan.FromMinutes(8));
        var secondTime = clock.Elapsed;
        output.WriteLine($"second init: {secondTime.TotalSeconds:0.0} s, exit {second.ExitCode}\n{second.Output}");
        Assert.True(second.ExitCode == 0, $"second kubeadm init exited {second.ExitCode}:\n{second.Output}\n{node.Diagnostics()}");
        Assert.Contains("[certs] Using existing ca certificate authority", second.Output);
        Assert.Contains("Your Kubernetes control-plane has initialized successfully!", second.Output);
        Assert.Matches(RealControlPlane.JoinLine(address), second.Output);
        Assert.Equal(ca, await File.ReadAllBytesAsync(node.Namespace.HostPath("/etc/kubernetes/pki/ca.crt")));
        Assert.Equal(NodeName, (string)(await node.KubectlJsonAsync("get", "node", NodeName))["metadata"]!["name"]!);
        await RealControlPlane.WaitForMirrorPodsRunningAsync(node, TimeSpan.FromMinutes(2));
        output.WriteLine($"first init {firstTime.TotalSeconds:0.0} s, second init {secondTime.TotalSeconds:0.0} s; kubelet starts {kubelet.Pids.Count}, pid before the second init {kubeletPid}, after {kubelet.RunningPid}");
    }
}
