using System.Text.RegularExpressions;

namespace Kubeadm.Cli.Tests.RealNode;

/// <summary>
/// The first node of the real-node tests: images named as our `kubeadm config images list` names them, containerd with
/// them, kubelet.service crash-looping, and the InitConfiguration our `kubeadm init` gets (see
/// docs/testing-real-node.md for why each setting is there).
/// </summary>
internal static class RealControlPlane
{
    public const string NodeName = "kubeadm-real-node";
    public const string KubernetesVersion = "v1.34.2";
    public const string ImageRepository = "registry.local/k8s";

    /// <summary>
    /// Preflight checks that cannot pass on a test node, by name: the kubelet is 1.20, far below what kubeadm 1.34
    /// supports (KubeletVersion); there are no coredns and kube-proxy images to pull, only the five the node runs
    /// (ImagePull).
    /// </summary>
    public static readonly string[] IgnoredPreflightChecks = ["KubeletVersion", "ImagePull"];

    public static readonly string[] Components = ["etcd", "kube-apiserver", "kube-controller-manager", "kube-scheduler"];

    /// <summary>
    /// Lists the images with the published kubeadm, starts containerd with them (pause as sandbox image) and the
    /// kubelet service; returns the pause image and the images built.
    /// </summary>
    public static async Task<(string Pause, IReadOnlyList<string> Images)> PrepareAsync(RealTestNode node, string shim)
    {
        var list = await node.KubeadmAsync(["config", "images", "list", "--image-repository", ImageRepository, "--kubernetes-version", KubernetesVersion], TimeSpan.FromMinutes(1));
        Assert.True(list.ExitCode == 0, $"kubeadm config images list: {list.Output}");
        var images = list.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(l => l.StartsWith(ImageRepository + "/", StringComparison.Ordinal)).ToList();
        var pause = Assert.Single(images, i => RealNodeImages.NameOf(i) == "pause");
        var built = images.Where(RealNodeImages.IsBuilt).ToList();
        Assert.Equal(5, built.Count);
        await node.StartContainerdAsync(pause, built, shim);
        await node.StartKubeletAsync();
        return (pause, built);
    }

    /// <summary>Writes the init config into the node's scratch dir and returns the `kubeadm init` arguments.</summary>
    public static async Task<string[]> InitArgumentsAsync(RealTestNode node)
    {
        var config = Path.Combine(node.Namespace.Scratch, "kubeadm.yaml");
        await File.WriteAllTextAsync(config, Config(node.Containerd!.Endpoint, node.Namespace.CgroupRoot, node.Namespace.Address));
        return ["init", "--config", config, "--ignore-preflight-errors=" + string.Join(',', IgnoredPreflightChecks)];
    }

    public static string Config(string criSocket, string cgroupRoot, string address) => $"""
        apiVersion: kubeadm.k8s.io/v1beta4
        kind: InitConfiguration
        localAPIEndpoint:
          advertiseAddress: {address}
          bindPort: 6443
        nodeRegistration:
          name: {NodeName}
          criSocket: {criSocket}
          kubeletExtraArgs:
          # Kubernetes 1.20's kubelet still defaults to dockershim, and reads the CRI endpoint only from its flag
          # (kubeadm 1.34 puts it in instance-config.yaml as containerRuntimeEndpoint, a field 1.20 ignores).
          - name: container-runtime
            value: remote
          - name: container-runtime-endpoint
            value: {criSocket}
          - name: node-ip
            value: {address}
        timeouts:
          kubeletHealthCheck: 2m0s
          controlPlaneComponentHealthCheck: 4m0s
        ---
        apiVersion: kubeadm.k8s.io/v1beta4
        kind: ClusterConfiguration
        kubernetesVersion: {KubernetesVersion}
        imageRepository: {ImageRepository}
        ---
        apiVersion: kubelet.config.k8s.io/v1beta1
        kind: KubeletConfiguration
        cgroupDriver: cgroupfs
        cgroupRoot: {cgroupRoot}
        failSwapOn: false
        """;

    /// <summary>The worker join command init prints, over two lines.</summary>
    public static Regex JoinLine(string address) => new($@"kubeadm join {Regex.Escape(address)}:6443 --token ([a-z0-9]{{6}}\.[a-z0-9]{{16}}) \\\s*\n\s*--discovery-token-ca-cert-hash (sha256:[0-9a-f]{{64}})");

    /// <summary>Every control-plane component's mirror pod reports its container running (bounded).</summary>
    public static async Task WaitForMirrorPodsRunningAsync(RealTestNode node, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var pods = await node.KubectlJsonAsync("-n", "kube-system", "get", "pods");
            var running = pods["items"]!.AsArray()
                .Where(p => (string?)p!["status"]?["containerStatuses"]?[0]?["state"]?["running"]?["startedAt"] is not null)
                .Select(p => (string)p!["metadata"]!["name"]!)
                .ToHashSet();
            var missing = Components.Select(c => $"{c}-{NodeName}").Where(name => !running.Contains(name)).ToList();
            if (missing.Count == 0)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"mirror pods did not all report running within {timeout}: not running yet: {string.Join(", ", missing)}; running: {string.Join(", ", running)}");
            }

            await Task.Delay(TimeSpan.FromSeconds(2));
        }
    }
}
