using System.Diagnostics;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace Kubeadm.Cli.Tests.MultiNode;

/// <summary>
/// Stacked-etcd HA built by our kubeadm on a three-node <see cref="MultiNodeBed"/> with the real etcd 3.4 and Kubernetes
/// 1.20 control-plane binaries (docs/testing-multi-node.md).
/// </summary>
[Trait("Category", "RealTools")]
[Trait("Category", "ControlPlane")]
[Trait("Category", "MultiNode")]
public sealed class HaJoinTests(ITestOutputHelper output)
{
    /// <summary>
    /// What the bed cannot satisfy, by name: no container runtime in the nodes (CRI socket, image pull), no kubelet
    /// binary on PATH (the stand-in is in-process), and the host's kernel/system checks.
    /// </summary>
    internal const string IgnoredPreflight = "--ignore-preflight-errors=all";

    [MultiNodeFact]
    public async Task Should_BuildAStackedEtcdHaCluster_When_TwoControlPlanesJoinWithThePrintedCommand()
    {
        MultiNodeRequirements.Verify();
        await using var bed = await MultiNodeBed.StartAsync(3, TimeSpan.FromMinutes(14));
        var (node1, node2, node3) = (bed.Nodes[0], bed.Nodes[1], bed.Nodes[2]);
        var clock = Stopwatch.StartNew();
        var init = await node1.RunKubeadmAsync("init", "--control-plane-endpoint", MultiNodeBed.ControlPlaneEndpoint, "--upload-certs",
            "--kubernetes-version", "v1.34.2", IgnoredPreflight);
        output.WriteLine($"init: {clock.Elapsed.TotalSeconds:0.0} s, exit {init.ExitCode}\n{init.Output}\n--- stderr\n{init.Error}");
        Assert.True(init.ExitCode == 0, $"kubeadm init exited {init.ExitCode}\n{init.Error}\n{bed.LogTails()}");

        var joinCommand = ControlPlaneJoinCommand(init.Output);
        output.WriteLine("printed: " + string.Join(' ', joinCommand));
        clock.Restart();
        var join2 = await node2.RunKubeadmAsync([.. joinCommand[1..], IgnoredPreflight]);
        var join2Time = clock.Elapsed;
        output.WriteLine($"control-plane join node-2: {join2Time.TotalSeconds:0.0} s, exit {join2.ExitCode}\n{join2.Output}\n--- stderr\n{join2.Error}");
        Assert.True(join2.ExitCode == 0, $"join of node-2 exited {join2.ExitCode}\n{join2.Error}\n{bed.LogTails()}");
    }

    /// <summary>The control-plane join command init printed (with --control-plane --certificate-key), as argv.</summary>
    internal static string[] ControlPlaneJoinCommand(string initOutput)
    {
        var match = Regex.Match(initOutput, @"kubeadm join \S+ --token [^\n]*\\\s*\n\s*--discovery-token-ca-cert-hash \S+ \\\s*\n\s*--control-plane --certificate-key [0-9a-f]{64}");
        Assert.True(match.Success, "no control-plane join command in:\n" + initOutput);
        return match.Value.Replace("\\", " ", StringComparison.Ordinal).Split([' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries);
    }
}
