using System.Globalization;
using System.Text.RegularExpressions;
using Kubeadm.Cli.Tests.ControlPlaneHost;
using Xunit.Abstractions;

namespace Kubeadm.Cli.Tests.RealNode;

/// <summary>
/// The side-by-side benchmark on the real node (docs/performance.md): `init --skip-phases=preflight --upload-certs`
/// of our published binary and of Go kubeadm, one after the other, each on a fresh node (<see cref="NodeNamespace"/>,
/// its own containerd, the real kubelet 1.20 as kubelet.service runs it, the control-plane images assembled locally
/// and named as that binary lists them). Each init runs under /usr/bin/time inside the node; one line per init goes
/// to $KUBEADM_BENCH_RESULTS for scripts/bench-init.sh --real-node, which prints the medians and ratios.
/// It measures, it asserts only that each init succeeded. Trait Category=Bench: not part of CI (scripts/test.sh
/// leaves it out); run it through the script.
/// Settings: $KUBEADM_BENCH_GO (Go kubeadm; default the v1.20.2 one next to the test binaries), $KUBEADM_BENCH_RUNS
/// (inits per binary, alternating; default 1), $KUBEADM_BINARY (ours; default artifacts/publish/kubeadm),
/// $KUBEADM_BENCH_LOGS (a directory: each init's output and the node's kubelet log are kept there).
/// </summary>
[Trait("Category", "Bench")]
public sealed partial class RealNodeBenchTests(ITestOutputHelper output)
{
    private const string TimeFile = "/var/lib/kubeadm-bench.time";

    [RealNodeFact]
    public async Task Should_MeasureBothInitsSideBySide_When_RunOnTheRealNode()
    {
        RealNodeRequirements.Verify();
        var go = Environment.GetEnvironmentVariable("KUBEADM_BENCH_GO") is { Length: > 0 } given ? given : Path.Combine(K8sTestBinaries.BinDir, "kubeadm");
        Assert.True(File.Exists(go), $"no Go kubeadm at {go} (set KUBEADM_BENCH_GO)");
        var runs = int.TryParse(Environment.GetEnvironmentVariable("KUBEADM_BENCH_RUNS"), CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 1;
        var results = Environment.GetEnvironmentVariable("KUBEADM_BENCH_RESULTS");
        var shim = await TestImageShimBinary.BuildAsync(TimeSpan.FromMinutes(8));
        for (var run = 1; run <= runs; run++)
        {
            foreach (var who in new[] { "ours", "go" })
            {
                var line = await InitOnFreshNodeAsync(who, who == "ours" ? PublishedKubeadm.Path : go, shim);
                output.WriteLine($"{who} run {run}: {line}");
                if (!string.IsNullOrEmpty(results))
                {
                    await File.AppendAllTextAsync(results, $"{who}\t{run}\t{line}\n");
                }
            }
        }
    }

    /// <summary>"wall user sys maxRssKiB\tkubelet-healthy\tcontrol-plane-healthy" of one init on a new node.</summary>
    private static async Task<string> InitOnFreshNodeAsync(string who, string kubeadm, string shim)
    {
        await using var node = await RealTestNode.StartAsync(TimeSpan.FromMinutes(15));
        // Each binary's own configuration: Go kubeadm 1.20 reads v1beta2 and lists its 1.20 image names.
        var config = Path.Combine(node.Namespace.Scratch, "kubeadm.yaml");
        var images = await ImagesAsync(node, kubeadm, who, config);
        var pause = Assert.Single(images, i => RealNodeImages.NameOf(i) == "pause");
        var containerd = await node.StartContainerdAsync(pause, [.. images.Where(RealNodeImages.IsBuilt)], shim);
        await File.WriteAllTextAsync(config, ConfigFor(who, containerd.Endpoint, node.Namespace.CgroupRoot));
        await node.StartKubeletAsync();
        var (exitCode, text) = await node.InNodeAsync(
            ["/usr/bin/time", "-f", "%e %U %S %M", "-o", TimeFile, kubeadm, "init", "--config", config, "--skip-phases=preflight", "--upload-certs"],
            TimeSpan.FromMinutes(8));
        if (Environment.GetEnvironmentVariable("KUBEADM_BENCH_LOGS") is { Length: > 0 } logs)
        {
            var stem = Path.Combine(logs, $"{who}-{DateTime.UtcNow:HHmmss}");
            Directory.CreateDirectory(logs);
            await File.WriteAllTextAsync(stem + "-init.log", text);
            File.Copy(node.KubeletLog, stem + "-kubelet.log", overwrite: true);
        }

        Assert.True(exitCode == 0, $"{who} kubeadm init exited {exitCode}:\n{text}\n{node.Diagnostics()}");
        var time = (await File.ReadAllTextAsync(node.Namespace.HostPath(TimeFile))).Trim().Split('\n')[^1];
        return $"{time}\t{HealthyAfter(text, KubeletHealthy())}\t{HealthyAfter(text, ControlPlaneHealthy())}";
    }

    private static string ConfigFor(string who, string criSocket, string cgroupRoot) =>
        who == "ours" ? RealControlPlane.Config(criSocket, cgroupRoot, NodeNamespace.DefaultAddress) : GoConfig(criSocket, cgroupRoot);

    /// <summary>The images `config images list` names for this binary and configuration.</summary>
    private static async Task<List<string>> ImagesAsync(RealTestNode node, string kubeadm, string who, string config)
    {
        // The list needs only the version and repository; the CRI socket is not contacted.
        await File.WriteAllTextAsync(config, ConfigFor(who, "unix:///run/containerd/containerd.sock", node.Namespace.CgroupRoot));
        var (exitCode, text) = await node.InNodeAsync([kubeadm, "config", "images", "list", "--config", config], TimeSpan.FromMinutes(1));
        Assert.True(exitCode == 0, $"{who} kubeadm config images list: {text}");
        return [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => l.StartsWith(RealControlPlane.ImageRepository + "/", StringComparison.Ordinal))];
    }

    /// <summary>The same node for Go kubeadm 1.20 (v1beta2): it writes the 1.20 kubelet's CRI flags itself.</summary>
    private static string GoConfig(string criSocket, string cgroupRoot) => $"""
        apiVersion: kubeadm.k8s.io/v1beta2
        kind: InitConfiguration
        localAPIEndpoint:
          advertiseAddress: {NodeNamespace.DefaultAddress}
          bindPort: 6443
        nodeRegistration:
          name: {RealControlPlane.NodeName}
          criSocket: {criSocket}
          kubeletExtraArgs:
            node-ip: {NodeNamespace.DefaultAddress}
        ---
        apiVersion: kubeadm.k8s.io/v1beta2
        kind: ClusterConfiguration
        kubernetesVersion: {K8sTestBinaries.GitVersion}
        imageRepository: {RealControlPlane.ImageRepository}
        ---
        apiVersion: kubelet.config.k8s.io/v1beta1
        kind: KubeletConfiguration
        cgroupDriver: cgroupfs
        cgroupRoot: {cgroupRoot}
        failSwapOn: false
        """;

    /// <summary>The duration a line reports, in seconds ("865.2ms", "4.2s", "12.5 seconds"), or "-" without the line.</summary>
    private static string HealthyAfter(string text, Regex line)
    {
        if (line.Match(text) is not { Success: true } m)
        {
            return "-";
        }

        var value = m.Groups.Values.Skip(1).First(g => g.Success).Value.Replace(" seconds", "s", StringComparison.Ordinal);
        var seconds = value.EndsWith("ms", StringComparison.Ordinal)
            ? double.Parse(value[..^2], CultureInfo.InvariantCulture) / 1000
            : value.EndsWith('s') && double.TryParse(value[..^1], CultureInfo.InvariantCulture, out var s) ? s : double.NaN;
        return double.IsNaN(seconds) ? value : seconds.ToString("0.000", CultureInfo.InvariantCulture);
    }

    // Ours: "[kubelet-check] The kubelet is healthy after 1.5s"; Go 1.20 prints no such line.
    [GeneratedRegex(@"\[kubelet-check\] The kubelet is healthy after (\S+)")]
    private static partial Regex KubeletHealthy();

    // Ours: the last "[control-plane-check] <component> is healthy after 4.2s"; Go 1.20: "[apiclient] All control plane components are healthy after 12.5 seconds".
    [GeneratedRegex(@"(?:\[control-plane-check\] \S+ is healthy after (\S+)(?![\s\S]*\[control-plane-check\] \S+ is healthy))|(?:All control plane components are healthy after (\S+ seconds))")]
    private static partial Regex ControlPlaneHealthy();
}
