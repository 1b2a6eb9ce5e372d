using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Kubeadm.App.Host;
using Kubeadm.App.Init;
using Kubeadm.Core.Host;
using Xunit.Abstractions;

namespace Kubeadm.Cli.Tests.ControlPlaneHost;

/// <summary>
/// `kubeadm init` as ONE command (through <see cref="KubeadmCli.RunAsync"/>, every phase from preflight to
/// show-join-command) against a real Kubernetes 1.20 control plane that a <see cref="ManifestWatchingKubelet"/> starts
/// from our manifests as they appear, as a real kubelet would. Then the same command again on the running cluster
/// (a safe re-run), and once more with -o json. Only the host's systemd is faked (<see cref="RecordingServiceManager"/>);
/// preflight is the real one with --ignore-preflight-errors=all (this host is no kubeadm node: no container runtime,
/// not necessarily root, swap, …). See docs/testing-control-plane.md.
/// </summary>
[Trait("Category", "RealTools")]
[Trait("Category", "ControlPlane")]
public sealed partial class OneCommandInitEndToEndTests(ITestOutputHelper output)
{
    private const string NodeName = "kubeadm-oneshot-node";

    [ControlPlaneFact]
    public async Task Should_BootstrapAWorkingControlPlane_When_InitRunsAsOneCommand_AndSucceedAgain_When_ReRunOnTheRunningCluster()
    {
        K8sTestBinaries.Require();
        var work = Directory.CreateTempSubdirectory("kubeadm-oneshot-").FullName;
        var rootfs = Path.Combine(work, "rootfs");
        var configPath = Path.Combine(work, "kubeadm.yaml");
        var apiServerPort = ProcessKubelet.FreePort();
        var schedulerPort = ProcessKubelet.FreePort();
        var kubeletHealthzPort = ProcessKubelet.FreePort();
        await File.WriteAllTextAsync(configPath, $"""
            apiVersion: kubeadm.k8s.io/v1beta4
            kind: InitConfiguration
            timeouts:
              kubeletHealthCheck: 30s
              controlPlaneComponentHealthCheck: 3m0s
            localAPIEndpoint:
              advertiseAddress: 127.0.0.1
              bindPort: {apiServerPort}
            nodeRegistration:
              name: {NodeName}
              criSocket: unix:///run/fake.sock
            ---
            apiVersion: kubeadm.k8s.io/v1beta4
            kind: ClusterConfiguration
            kubernetesVersion: v1.34.2
            controllerManager:
              extraArgs:
              - name: secure-port
                value: "{ProcessKubelet.FreePort()}"
            scheduler:
              extraArgs:
              - name: secure-port
                value: "{schedulerPort}"
            ---
            apiVersion: kubelet.config.k8s.io/v1beta1
            kind: KubeletConfiguration
            healthzPort: {kubeletHealthzPort}
            """);
        string[] init = ["init", "--config", configPath, "--rootfs", rootfs, "--ignore-preflight-errors=all"];

        var clock = Stopwatch.StartNew();
        var kubelet = new ManifestWatchingKubelet(rootfs, Path.Combine(work, "run"), NodeName, kubeletHealthzPort, schedulerPort, TimeSpan.FromMinutes(5));
        try
        {
            // --- 1. The one command, with the kubelet watching the manifests directory. ---
            var first = await RunAsync(init);
            var firstTime = clock.Elapsed;
            output.WriteLine($"first init: {firstTime.TotalSeconds:0.0} s, exit {first.ExitCode}\n{first.Output}\n--- stderr\n{first.Error}");
            Assert.True(first.ExitCode == 0, $"kubeadm init exited {first.ExitCode}:\n{first.Output}\n{first.Error}\n{kubelet.LogTails()}");
            var controlPlane = await kubelet.ReadyAsync(TimeSpan.FromSeconds(30));
            Assert.Equal($"https://127.0.0.1:{apiServerPort}", controlPlane.ApiServerUrl);

            AssertInOrder(first.Output,
            [
                "[init] Using Kubernetes version: v1.34.2",
                "[preflight] Running pre-flight checks",
                "[certs] Using certificateDir folder",
                "[certs] Generating \"ca\" certificate and key",
                "[kubeconfig] Writing \"admin.conf\" kubeconfig file",
                "[etcd] Creating static Pod manifest for local etcd",
                "[control-plane] Creating static Pod manifest for \"kube-apiserver\"",
                "[control-plane] Creating static Pod manifest for \"kube-scheduler\"",
                "[kubelet-start] Writing kubelet configuration to file",
                $"[kubelet-check] Waiting for a healthy kubelet at http://127.0.0.1:{kubeletHealthzPort}/healthz",
                $"[control-plane-check] Checking kube-scheduler at https://127.0.0.1:{schedulerPort}/livez",
                "[control-plane-check] kube-scheduler is healthy after",
                "[upload-config] Storing the configuration used in ConfigMap \"kubeadm-config\"",
                "[mark-control-plane] Marking the node " + NodeName + " as control-plane",
                "[bootstrap-token] Using token:",
                "[addons] Applied essential addon: CoreDNS",
                "[addons] Applied essential addon: kube-proxy",
                "Your Kubernetes control-plane has initialized successfully!",
                $"kubeadm join 127.0.0.1:{apiServerPort} --token ",
                "[init] Phase timings:",
            ]);
            Assert.Matches(JoinLine(apiServerPort), first.Output);
            Assert.Matches(@"\[init\] Phase timings: preflight \d+\.\d\ds, certs \d+\.\d\ds, .*wait-control-plane \d+\.\d\ds, .* \(total \d+\.\d\ds\)", first.Output);
            Assert.True(kubelet.KubeletHealthz.Requests > 0, "the kubelet healthz was never asked");
            Assert.True(kubelet.SchedulerLivezProxy.LivezRequests > 0, "the scheduler's /livez was never asked");

            // --- 2. What a real cluster now holds, seen by kubectl as super-admin. ---
            var kubeadmConfig = await KubectlJsonAsync(controlPlane, "-n", "kube-system", "get", "configmap", "kubeadm-config");
            Assert.Contains("kind: ClusterConfiguration", (string)kubeadmConfig["data"]!["ClusterConfiguration"]!);
            var node = await KubectlJsonAsync(controlPlane, "get", "node", NodeName);
            Assert.Contains(
                node["spec"]!["taints"]!.AsArray(),
                t => (string)t!["key"]! == "node-role.kubernetes.io/control-plane" && (string)t["effect"]! == "NoSchedule");
            Assert.True(node["metadata"]!["labels"]!.AsObject().ContainsKey("node-role.kubernetes.io/control-plane"));
            var clusterInfo = await KubectlJsonAsync(controlPlane, "-n", "kube-public", "get", "configmap", "cluster-info");
            Assert.Contains($"server: https://127.0.0.1:{apiServerPort}", (string)clusterInfo["data"]!["kubeconfig"]!);
            var coredns = await KubectlJsonAsync(controlPlane, "-n", "kube-system", "get", "deployment", "coredns");
            Assert.Equal("kube-dns", (string)coredns["spec"]!["selector"]!["matchLabels"]!["k8s-app"]!);
            var kubeProxy = await KubectlJsonAsync(controlPlane, "-n", "kube-system", "get", "daemonset", "kube-proxy");
            Assert.Equal("kube-proxy", (string)kubeProxy["spec"]!["selector"]!["matchLabels"]!["k8s-app"]!);

            // --- 3. The same command again, the control plane still running: a safe re-run. ---
            var caPath = Path.Combine(rootfs, "etc/kubernetes/pki/ca.crt");
            var ca = await File.ReadAllBytesAsync(caPath);
            var adminConf = await File.ReadAllBytesAsync(Path.Combine(rootfs, "etc/kubernetes/admin.conf"));
            var manifestsDir = Path.Combine(rootfs, "etc/kubernetes/manifests");
            var manifests = Directory.GetFiles(manifestsDir).Order(StringComparer.Ordinal).ToDictionary(f => Path.GetFileName(f), File.ReadAllText);
            clock.Restart();
            var second = await RunAsync(init);
            var secondTime = clock.Elapsed;
            output.WriteLine($"re-run: {secondTime.TotalSeconds:0.0} s, exit {second.ExitCode}\n{second.Output}\n--- stderr\n{second.Error}");
            Assert.True(second.ExitCode == 0, $"re-run of kubeadm init exited {second.ExitCode}:\n{second.Output}\n{second.Error}\n{kubelet.LogTails()}");
            Assert.Equal(ca, await File.ReadAllBytesAsync(caPath));
            Assert.Equal(adminConf, await File.ReadAllBytesAsync(Path.Combine(rootfs, "etc/kubernetes/admin.conf")));
            Assert.Contains("[certs] Using existing ca certificate authority", second.Output);
            // Same config, same manifests: a real kubelet would not restart any static pod.
            Assert.Equal(manifests, Directory.GetFiles(manifestsDir).Order(StringComparer.Ordinal).ToDictionary(f => Path.GetFileName(f), File.ReadAllText));
            // The earlier init's API server port is in use: reported, and only a warning here.
            Assert.Contains($"[WARNING Port-{apiServerPort}]", second.Output + second.Error);
            Assert.Contains("Your Kubernetes control-plane has initialized successfully!", second.Output);
            Assert.Matches(JoinLine(apiServerPort), second.Output);
            Assert.Equal(NodeName, (string)(await KubectlJsonAsync(controlPlane, "get", "node", NodeName))["metadata"]!["name"]!);

            // --- 4. Once more with -o json: the structured result alone on stdout. ---
            clock.Restart();
            var json = await RunAsync([.. init, "-o", "json"]);
            output.WriteLine($"-o json run: {clock.Elapsed.TotalSeconds:0.0} s, exit {json.ExitCode}\n{json.Output}");
            Assert.True(json.ExitCode == 0, $"kubeadm init -o json exited {json.ExitCode}:\n{json.Output}\n{json.Error}");
            var result = JsonNode.Parse(json.Output)!;
            Assert.True((bool)result["succeeded"]!);
            Assert.False((bool)result["dryRun"]!);
            Assert.Equal($"127.0.0.1:{apiServerPort}", (string)result["apiServerEndpoint"]!);
            Assert.Matches("^[a-z0-9]{6}\\.[a-z0-9]{16}$", (string)result["token"]!);
            Assert.StartsWith("sha256:", (string)result["caCertHashes"]![0]!);
            Assert.Contains(result["phases"]!.AsArray(), p => (string)p!["name"]! == "wait-control-plane" && (string)p["outcome"]! == "Ran");
            Assert.Contains(result["phases"]!.AsArray(), p => (string)p!["name"]! == "show-join-command" && (string)p["outcome"]! == "Ran");
            Assert.Contains("Your Kubernetes control-plane has initialized successfully!", json.Error);
            Assert.Equal(ca, await File.ReadAllBytesAsync(caPath));
            output.WriteLine($"first init {firstTime.TotalSeconds:0.0} s, re-run {secondTime.TotalSeconds:0.0} s");
        }
        finally
        {
            await kubelet.DisposeAsync();
            try
            {
                Directory.Delete(work, recursive: true);
            }
            catch (IOException)
            {
                // etcd may still be closing files; the temp dir is left behind then.
            }
        }
    }

    private static Regex JoinLine(int port) => new($@"kubeadm join 127\.0\.0\.1:{port} --token [a-z0-9]{{6}}\.[a-z0-9]{{16}} \\\s*\n\s*--discovery-token-ca-cert-hash sha256:[0-9a-f]{{64}}");

    /// <summary>Each line appears, starting a line, after the previous one.</summary>
    internal static void AssertInOrder(string text, string[] lines)
    {
        var at = 0;
        foreach (var line in lines)
        {
            var found = Regex.Match(text[at..], "(?m)^\\s*" + Regex.Escape(line));
            Assert.True(found.Success, $"\"{line}\" not found after offset {at} (in order) in:\n{text}");
            at += found.Index + found.Length;
        }
    }

    private static async Task<JsonNode> KubectlJsonAsync(ProcessKubelet controlPlane, params string[] args)
    {
        var result = await controlPlane.KubectlAsync([.. args, "-o", "json"]);
        Assert.True(result.ExitCode == 0, $"kubectl {string.Join(' ', args)}: {result.Output}{result.Error}\n{controlPlane.LogTails()}");
        return JsonNode.Parse(result.Output) ?? throw new JsonException("kubectl printed null");
    }

    private static async Task<CliRun> RunAsync(string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var environment = new InitEnvironment
        {
            Out = stdout,
            Err = stderr,
            FileSystemFor = rootfs => new PhysicalFileSystem(rootfs),
            HostInfoFor = _ => new FixedHostInfo(NodeName, System.Net.IPAddress.Loopback),
            ServiceManager = () => new RecordingServiceManager(),
            GetEnvironmentVariable = _ => null,
        };
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(6));
        var exitCode = await KubeadmCli.RunAsync(args, environment, timeout.Token);
        return new CliRun(exitCode, stdout.ToString(), stderr.ToString());
    }
}
