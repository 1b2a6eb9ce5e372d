using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Kubeadm.Cli.Tests.ControlPlaneHost;
using Kubeadm.Cli.Tests.Runtime;
using Xunit.Abstractions;

namespace Kubeadm.Cli.Tests.RealNode;

/// <summary>
/// A worker joins a real cluster with the REAL kubelet doing its own TLS bootstrap. Two test nodes
/// (<see cref="RealTestNode"/>), each its own mount/network/UTS namespaces with containerd + runc and the kubelet
/// v1.20.2 run as kubelet.service: the control plane (192.0.2.10), built by the published `kubeadm init`, and a
/// worker (192.0.2.20, hostname kubeadm-real-worker) linked to it by a veth pair the test made. On the fresh worker,
/// discovery by kubeconfig file and by https URL (served by `openssl s_server` on the worker's loopback, trusted
/// through the worker's CA bundle) is proven against the real API server with --dry-run, and the bad-file /
/// unreachable-URL / no-cluster cases fail with kubeadm's errors writing nothing; then the join command init
/// printed, run on the worker, makes its kubelet send a CSR that the real kube-controller-manager approves and
/// signs, the Node registers, and kubelet.conf points at a client certificate our CA signed.
/// See docs/testing-real-node.md.
/// </summary>
[Trait("Category", "RealTools")]
[Trait("Category", "RealNode")]
public sealed partial class RealNodeJoinTests(ITestOutputHelper output)
{
    private const string WorkerAddress = "192.0.2.20";
    private const string WorkerName = "kubeadm-real-worker";
    private const string CriSocket = "unix:///var/run/containerd/containerd.sock";
    private const string DiscoveryDir = "/root/discovery";
    private const string DiscoveryServer = "127.0.0.1:8443";

    [RealNodeFact]
    public async Task Should_RegisterTheWorkerWithACertificateOurCaSigned_When_ThePrintedJoinCommandRunsOnARealKubeletNode_AndDiscoverByFileAndHttpsUrl()
    {
        RealNodeRequirements.Verify();
        var shim = await TestImageShimBinary.BuildAsync(TimeSpan.FromMinutes(8));

        await using var controlPlane = await RealTestNode.StartAsync(TimeSpan.FromMinutes(20));
        // The worker's CRI socket is at containerd's default path, so kubeadm finds it without --cri-socket.
        await using var worker = await RealTestNode.StartAsync(TimeSpan.FromMinutes(20), WorkerAddress, WorkerName);
        await NodeNamespace.LinkAsync(controlPlane.Namespace, worker.Namespace);

        // --- The control plane: the published `kubeadm init` on a real kubelet node. ---
        var (pause, _) = await RealControlPlane.PrepareAsync(controlPlane, shim);
        var clock = Stopwatch.StartNew();
        var init = await controlPlane.KubeadmAsync(await RealControlPlane.InitArgumentsAsync(controlPlane), TimeSpan.FromMinutes(8));
        output.WriteLine($"init: {clock.Elapsed.TotalSeconds:0.0} s, exit {init.ExitCode}");
        Assert.True(init.ExitCode == 0, $"kubeadm init exited {init.ExitCode}:\n{init.Output}\n{controlPlane.Diagnostics()}");
        var printed = RealControlPlane.JoinLine(controlPlane.Namespace.Address).Match(init.Output);
        Assert.True(printed.Success, init.Output);
        var token = printed.Groups[1].Value;

        // --- The worker: containerd (pause only), the kubelet unit crash-looping, 1.20's flags in /etc/default/kubelet. ---
        await worker.StartContainerdAsync(pause, [pause], shim);
        await File.WriteAllTextAsync(worker.Namespace.HostPath("/etc/default/kubelet"), KubeletExtraArgs(worker.Namespace.CgroupRoot));
        await worker.StartKubeletAsync();

        // --- Discovery by file and https URL, before the join (the worker is still fresh). ---
        await DiscoveryByFileAndUrlAsync(controlPlane, worker, token);

        // --- The join command init printed, run on the worker. ---
        var command = printed.Value.Replace("\\", " ", StringComparison.Ordinal).Split((char[])[' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("kubeadm", command[0]);
        // The kubelet is 1.20, far below what kubeadm 1.34 supports: the one check that cannot pass here.
        string[] join = [.. command.Skip(1), "--ignore-preflight-errors=KubeletVersion"];
        clock.Restart();
        var joined = await worker.KubeadmAsync(join, TimeSpan.FromMinutes(6));
        var joinTime = clock.Elapsed;
        output.WriteLine($"worker join (kubeadm {string.Join(' ', join)}): {joinTime.TotalSeconds:0.0} s, exit {joined.ExitCode}\n{joined.Output}");
        Assert.True(joined.ExitCode == 0, $"kubeadm join exited {joined.ExitCode}:\n{joined.Output}\n{worker.Diagnostics()}\n{controlPlane.Diagnostics()}");
        // kubeadm 1.34's kubelet-start order: instance-config.yaml, config.yaml, kubeadm-flags.env, then the start.
        var order = new[]
        {
            "[kubelet-start] Writing kubelet configuration to file \"/var/lib/kubelet/instance-config.yaml\"",
            "[kubelet-start] Writing kubelet configuration to file \"/var/lib/kubelet/config.yaml\"",
            "[kubelet-start] Writing kubelet environment file with flags to file \"/var/lib/kubelet/kubeadm-flags.env\"",
            "[kubelet-start] Starting the kubelet",
            "[kubelet-start] Waiting for the kubelet to perform the TLS Bootstrap",
        }.Select(line => joined.Output.IndexOf(line, StringComparison.Ordinal)).ToList();
        Assert.True(order.All(i => i >= 0) && order.SequenceEqual(order.Order()), $"kubelet-start lines missing or out of order ({string.Join(", ", order)}):\n{joined.Output}");
        Assert.Contains("""
            This node has joined the cluster:
            * Certificate signing request was sent to apiserver and a response was received.
            * The Kubelet was informed of the new secure connection details.

            Run 'kubectl get nodes' on the control-plane to see this node join the cluster.
            """, joined.Output);

        // --- The Node, registered by the worker's kubelet with its new identity. ---
        var node = await WaitForNodeAsync(controlPlane, TimeSpan.FromMinutes(1));
        Assert.Equal(K8sTestBinaries.GitVersion, (string)node["status"]!["nodeInfo"]!["kubeletVersion"]!);
        Assert.Contains(node["status"]!["addresses"]!.AsArray(), a => (string)a!["address"]! == WorkerAddress);

        // --- The CSR: sent with the bootstrap token, approved and signed by the real kube-controller-manager. ---
        var csrs = await controlPlane.KubectlJsonAsync("get", "csr");
        var csr = Assert.Single(csrs["items"]!.AsArray(), c => (string?)c!["spec"]!["username"] == "system:bootstrap:" + token.Split('.')[0]);
        Assert.Equal("kubernetes.io/kube-apiserver-client-kubelet", (string?)csr!["spec"]!["signerName"]);
        Assert.Contains(csr["status"]!["conditions"]!.AsArray(), c => (string?)c!["type"] == "Approved" && (string?)c["reason"] == "AutoApproved");
        var issued = System.Text.Encoding.ASCII.GetString(Convert.FromBase64String((string)csr["status"]!["certificate"]!));

        // --- kubelet.conf → the kubelet's current client certificate, which our CA signed. ---
        var kubeletConf = await File.ReadAllTextAsync(worker.Namespace.HostPath("/etc/kubernetes/kubelet.conf"));
        Assert.Contains($"server: https://{controlPlane.Namespace.Address}:6443", kubeletConf);
        Assert.Contains("client-certificate: /var/lib/kubelet/pki/kubelet-client-current.pem", kubeletConf);
        Assert.Contains("client-key: /var/lib/kubelet/pki/kubelet-client-current.pem", kubeletConf);
        var link = new FileInfo(worker.Namespace.HostPath("/var/lib/kubelet/pki/kubelet-client-current.pem")).LinkTarget;
        Assert.NotNull(link);
        var current = worker.Namespace.HostPath("/var/lib/kubelet/pki/" + Path.GetFileName(link));
        var ca = controlPlane.Namespace.HostPath("/etc/kubernetes/pki/ca.crt");
        var verify = await HostTool.RunAsync("/usr/bin/openssl", ["verify", "-CAfile", ca, current], TimeSpan.FromSeconds(20));
        Assert.True(verify.ExitCode == 0 && verify.Output.Contains(": OK", StringComparison.Ordinal), $"openssl verify: {verify.Output}");
        var subject = await HostTool.RunCheckedAsync("/usr/bin/openssl", ["x509", "-noout", "-subject", "-nameopt", "RFC2253", "-in", current], TimeSpan.FromSeconds(20));
        Assert.Contains($"CN=system:node:{WorkerName}", subject);
        Assert.Contains("O=system:nodes", subject);
        Assert.Contains(issued.Trim(), await File.ReadAllTextAsync(current));
        Assert.Equal(await File.ReadAllBytesAsync(ca), await File.ReadAllBytesAsync(worker.Namespace.HostPath("/etc/kubernetes/pki/ca.crt")));
        Assert.False(File.Exists(worker.Namespace.HostPath("/etc/kubernetes/bootstrap-kubelet.conf")), "bootstrap-kubelet.conf outlived the join");
        output.WriteLine($"worker join wall time: {joinTime.TotalSeconds:0.0} s (kubelet starts on the worker: {worker.Kubelet!.Pids.Count})");
    }

    /// <summary>
    /// On the fresh worker: the discovery file is cluster-info's kubeconfig, as a user would save it
    /// (`kubectl -n kube-public get cm cluster-info`). By path and by https URL, `join --dry-run` discovers the real
    /// API server through it and reads the cluster's configuration with the TLS bootstrap token; a missing file, a file
    /// that is no kubeconfig, one without a cluster, an http URL, an unreachable URL and an untrusted server each fail
    /// with kubeadm's error and write nothing.
    /// </summary>
    private async Task DiscoveryByFileAndUrlAsync(RealTestNode controlPlane, RealTestNode worker, string token)
    {
        var clusterInfo = await controlPlane.KubectlJsonAsync("-n", "kube-public", "get", "configmap", "cluster-info");
        var directory = worker.Namespace.HostPath(DiscoveryDir);
        Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(Path.Combine(directory, "cluster-info.conf"), (string)clusterInfo["data"]!["kubeconfig"]!);
        await File.WriteAllTextAsync(Path.Combine(directory, "garbage.conf"), "clusters: [this is not\n");
        await File.WriteAllTextAsync(Path.Combine(directory, "no-cluster.conf"), """
            apiVersion: v1
            kind: Config
            users:
            - name: someone
              user:
                token: abcdef.0123456789abcdef
            """);
        var serverCa = await StartDiscoveryServerAsync(worker);

        var failures = new (string Location, string Error)[]
        {
            (DiscoveryDir + "/missing.conf", "not a valid HTTPS URL or a file on disk"),
            ($"http://{DiscoveryServer}/cluster-info.conf", "if a URL is used, the scheme must be https"),
            (DiscoveryDir + "/garbage.conf", $"couldn't validate the identity of the API Server: error loading config file \"{DiscoveryDir}/garbage.conf\""),
            (DiscoveryDir + "/no-cluster.conf", "the provided kubeconfig file must have at least one Cluster defined"),
            ("https://127.0.0.1:8444/cluster-info.conf", "couldn't validate the identity of the API Server: Get \"https://127.0.0.1:8444/cluster-info.conf\": Connection refused"),
            // The worker does not trust the server's CA yet: the host CA bundle decides, as in kubeadm.
            ($"https://{DiscoveryServer}/cluster-info.conf", $"couldn't validate the identity of the API Server: Get \"https://{DiscoveryServer}/cluster-info.conf\": The SSL connection could not be established"),
        };
        foreach (var (location, error) in failures)
        {
            var failed = await worker.KubeadmAsync(DiscoveryJoin(location, token, dryRun: false), TimeSpan.FromMinutes(1));
            output.WriteLine($"--discovery-file {location}: exit {failed.ExitCode}\n{failed.Output}");
            Assert.True(failed.ExitCode != 0, $"join with --discovery-file {location} succeeded:\n{failed.Output}");
            Assert.Contains(error, failed.Output);
            Assert.DoesNotContain("   at ", failed.Output);
            Assert.Empty(Directory.EnumerateFileSystemEntries(worker.Namespace.HostPath("/etc/kubernetes")));
        }

        // The server's CA in the worker's CA bundle (the overlay keeps it inside the node).
        await File.AppendAllTextAsync(worker.Namespace.HostPath("/etc/ssl/certs/ca-certificates.crt"), await File.ReadAllTextAsync(serverCa));
        foreach (var location in new[] { DiscoveryDir + "/cluster-info.conf", $"https://{DiscoveryServer}/cluster-info.conf" })
        {
            var dryRunDir = Path.Combine(worker.Namespace.Scratch, "dryrun-" + Regex.Replace(location, "[^a-z]", ""));
            var run = await worker.KubeadmAsync(DiscoveryJoin(location, token, dryRun: true), TimeSpan.FromMinutes(2), ["KUBEADM_JOIN_DRYRUN_DIR=" + dryRunDir]);
            output.WriteLine($"--discovery-file {location} --dry-run: exit {run.ExitCode}\n{run.Output}");
            Assert.True(run.ExitCode == 0, $"join --dry-run with --discovery-file {location} exited {run.ExitCode}:\n{run.Output}");
            // Read with the TLS bootstrap token from the API server the file named.
            Assert.Contains("[preflight] Reading configuration from the \"kubeadm-config\" ConfigMap in namespace \"kube-system\"...", run.Output);
            Assert.Contains("[kubelet-start] Would start the kubelet", run.Output);
            Assert.Contains("[kubelet-wait] Would wait for the kubelet to be bootstrapped", run.Output);
            Assert.Contains("This node has joined the cluster:", run.Output);
            Assert.Empty(Directory.EnumerateFileSystemEntries(worker.Namespace.HostPath("/etc/kubernetes")));
        }
    }

    private static string[] DiscoveryJoin(string location, string token, bool dryRun) =>
        ["join", "--discovery-file", location, "--tls-bootstrap-token", token, "--ignore-preflight-errors=KubeletVersion", .. dryRun ? ["--dry-run"] : Array.Empty<string>()];

    /// <summary>
    /// `openssl s_server -WWW` on the worker's loopback serving the discovery dir over TLS, its certificate
    /// from a CA the test made (not yet trusted by the worker). Stopped with the node (by pid).
    /// </summary>
    private static async Task<string> StartDiscoveryServerAsync(RealTestNode worker)
    {
        var pki = Path.Combine(worker.Namespace.Scratch, "discovery-pki");
        Directory.CreateDirectory(pki);
        string Pki(string name) => Path.Combine(pki, name);
        await HostTool.RunCheckedAsync("/usr/bin/openssl", ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "1",
            "-subj", "/CN=discovery-test-ca", "-keyout", Pki("ca.key"), "-out", Pki("ca.crt")], TimeSpan.FromSeconds(20));
        await HostTool.RunCheckedAsync("/usr/bin/openssl", ["req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
            "-subj", "/CN=discovery-server", "-keyout", Pki("server.key"), "-out", Pki("server.csr")], TimeSpan.FromSeconds(20));
        await File.WriteAllTextAsync(Pki("server.ext"), "subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n");
        await HostTool.RunCheckedAsync("/usr/bin/openssl", ["x509", "-req", "-in", Pki("server.csr"), "-CA", Pki("ca.crt"), "-CAkey", Pki("ca.key"), "-CAcreateserial",
            "-days", "1", "-extfile", Pki("server.ext"), "-out", Pki("server.crt")], TimeSpan.FromSeconds(20));
        var log = Path.Combine(worker.Logs, "discovery-server.log");
        var start = worker.Namespace.LoggedCommand(
            ["/bin/sh", "-c", $"cd '{DiscoveryDir}' && exec /usr/bin/openssl s_server -WWW -accept {DiscoveryServer} -cert '{Pki("server.crt")}' -key '{Pki("server.key")}'"],
            log, new Dictionary<string, string> { ["PATH"] = "/usr/bin:/bin" });
        using var process = Process.Start(start) ?? throw new InvalidOperationException("openssl s_server did not start");
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!File.Exists(log) || !(await File.ReadAllTextAsync(log)).Contains("ACCEPT", StringComparison.Ordinal))
        {
            Assert.True(DateTime.UtcNow < deadline && !process.HasExited, $"openssl s_server did not start: {(File.Exists(log) ? await File.ReadAllTextAsync(log) : "")}");
            await Task.Delay(100);
        }

        return Pki("ca.crt");
    }

    /// <summary>What a user puts in /etc/default/kubelet for a 1.20 kubelet on this node (the drop-in reads it at every start).</summary>
    private static string KubeletExtraArgs(string cgroupRoot) =>
        // 1.20 defaults to dockershim and ignores config.yaml's containerRuntimeEndpoint; the node IP and cgroup root
        // are this node's own (the cluster's kubelet-config carries the control-plane node's cgroupRoot).
        $"KUBELET_EXTRA_ARGS=--container-runtime=remote --container-runtime-endpoint={CriSocket} --node-ip={WorkerAddress} --cgroup-root={cgroupRoot}\n";

    private static async Task<JsonNode> WaitForNodeAsync(RealTestNode controlPlane, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var nodes = await controlPlane.KubectlJsonAsync("get", "nodes");
            if (nodes["items"]!.AsArray().FirstOrDefault(n => (string?)n!["metadata"]!["name"] == WorkerName) is { } node)
            {
                return node;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Node {WorkerName} did not register within {timeout}: {nodes.ToJsonString()}");
            await Task.Delay(TimeSpan.FromSeconds(2));
        }
    }
}
