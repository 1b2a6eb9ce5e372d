using System.Diagnostics;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using Kubeadm.App.Host;
using Kubeadm.App.Init;
using Kubeadm.Core.Host;
using Xunit.Abstractions;

namespace Kubeadm.Cli.Tests.ControlPlaneHost;

/// <summary>
/// `kubeadm join` against a real Kubernetes 1.20 control plane that our own `kubeadm init --upload-certs` built (run by
/// a <see cref="ManifestWatchingKubelet"/>): token discovery verifies the JWS that the real kube-controller-manager's
/// bootstrap signer put in cluster-info and pins the real CA; a worker joins with the command `kubeadm token create
/// --print-join-command` printed, run verbatim, its TLS bootstrap CSR approved and signed by the real
/// kube-controller-manager; wrong CA hash, unknown token and wrong certificate key fail fast with nothing written; a
/// control-plane node prepares itself from the real kubeadm-certs Secret. Each "node" is its own --rootfs.
/// </summary>
[Trait("Category", "RealTools")]
[Trait("Category", "ControlPlane")]
public sealed class JoinEndToEndTests(ITestOutputHelper output)
{
    private const string FirstNode = "kubeadm-join-cp1";

    [ControlPlaneFact]
    public async Task Should_JoinAWorkerAndPrepareAControlPlane_When_TrustIsRight_AndFailFastWritingNothing_When_ItIsNot()
    {
        var work = Directory.CreateTempSubdirectory("kubeadm-join-").FullName;
        var rootfs1 = Path.Combine(work, "node1");
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
              name: {FirstNode}
              criSocket: unix:///run/fake.sock
            ---
            apiVersion: kubeadm.k8s.io/v1beta4
            kind: ClusterConfiguration
            kubernetesVersion: v1.34.2
            controlPlaneEndpoint: 127.0.0.1:{apiServerPort}
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
        var kubelet = new ManifestWatchingKubelet(rootfs1, Path.Combine(work, "run"), FirstNode, kubeletHealthzPort, schedulerPort, TimeSpan.FromMinutes(5));
        try
        {
            var init = await RunAsync(FirstNode, "init", "--config", configPath, "--rootfs", rootfs1, "--ignore-preflight-errors=all", "--upload-certs");
            Assert.True(init.ExitCode == 0, $"kubeadm init exited {init.ExitCode}:\n{init.Output}\n{init.Error}\n{kubelet.LogTails()}");
            var controlPlane = await kubelet.ReadyAsync(TimeSpan.FromSeconds(30));
            var certificateKey = Regex.Match(init.Output, "--certificate-key ([0-9a-f]{64})").Groups[1].Value;
            Assert.Equal(64, certificateKey.Length);
            var endpoint = $"127.0.0.1:{apiServerPort}";

            // --- 1. The join command `token create --print-join-command` prints, run verbatim, joins a worker. ---
            var printed = await RunAsync(FirstNode, "token", "create", "--print-join-command", "--rootfs", rootfs1);
            Assert.True(printed.ExitCode == 0, printed.Error);
            var joinArgs = printed.Output.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(["kubeadm", "join", endpoint, "--token"], joinArgs[..4]);
            var token = joinArgs[4];
            var hash = joinArgs[6];
            var rootfs2 = Path.Combine(work, "worker1");
            var clock = Stopwatch.StartNew();
            CliRun worker;
            string csrName;
            await using (var bootstrap = new TlsBootstrapStandIn(rootfs2, Path.Combine(work, "worker1-kubelet"), "worker-1"))
            {
                worker = await RunAsync("worker-1", [.. joinArgs[1..], "--rootfs", rootfs2, "--node-name", "worker-1", "--ignore-preflight-errors=all"]);
                output.WriteLine($"worker join: {clock.Elapsed.TotalSeconds:0.0} s, exit {worker.ExitCode}\n{worker.Output}\n--- stderr\n{worker.Error}");
                Assert.True(worker.ExitCode == 0, $"worker join exited {worker.ExitCode}:\n{worker.Output}\n{worker.Error}\n{kubelet.LogTails()}");
                csrName = await bootstrap.Completed.WaitAsync(TimeSpan.FromSeconds(5));
            }

            AssertInOrder(worker.Output,
            [
                "[preflight] Running pre-flight checks",
                $"[discovery] Trying to connect to API Server \"{endpoint}\"",
                "[discovery] Cluster info signature and contents are valid and the CA is pinned",
                $"[discovery] Successfully established connection with API Server \"{endpoint}\"",
                "[preflight] Reading configuration from the \"kubeadm-config\" ConfigMap in namespace \"kube-system\"...",
                "[kubelet-start] Writing kubelet configuration to file \"/var/lib/kubelet/instance-config.yaml\"",
                "[kubelet-start] Writing kubelet configuration to file \"/var/lib/kubelet/config.yaml\"",
                "[kubelet-start] Writing kubelet environment file with flags to file \"/var/lib/kubelet/kubeadm-flags.env\"",
                "[kubelet-start] Starting the kubelet",
                $"[kubelet-check] Waiting for a healthy kubelet at http://127.0.0.1:{kubeletHealthzPort}/healthz",
                "[kubelet-start] Waiting for the kubelet to perform the TLS Bootstrap",
                "This node has joined the cluster:",
            ]);
            var ca = await File.ReadAllTextAsync(Path.Combine(rootfs1, "etc/kubernetes/pki/ca.crt"));
            Assert.Equal(ca.Trim(), (await File.ReadAllTextAsync(Path.Combine(rootfs2, "etc/kubernetes/pki/ca.crt"))).Trim());
            Assert.False(File.Exists(Path.Combine(rootfs2, "etc/kubernetes/bootstrap-kubelet.conf")), "bootstrap-kubelet.conf must be removed after the TLS bootstrap");
            var flags = await File.ReadAllTextAsync(Path.Combine(rootfs2, "var/lib/kubelet/kubeadm-flags.env"));
            Assert.StartsWith("KUBELET_KUBEADM_ARGS=\"--pod-infra-container-image=", flags);
            Assert.DoesNotContain("--register-with-taints", flags); // a worker with no taints
            Assert.Contains("kind: KubeletConfiguration", await File.ReadAllTextAsync(Path.Combine(rootfs2, "var/lib/kubelet/config.yaml")));
            var csr = await controlPlane.KubectlAsync("get", "csr", csrName, "-o", "jsonpath={.status.conditions[0].type}/{.spec.username}");
            Assert.Equal($"Approved/system:bootstrap:{token[..6]}", csr.Output.Trim());
            using (var issued = X509Certificate2.CreateFromPem(await File.ReadAllTextAsync(Path.Combine(rootfs2, "var/lib/kubelet/pki/kubelet-client-current.pem"))))
            using (var caCert = X509Certificate2.CreateFromPem(ca))
            {
                Assert.Equal(caCert.Subject, issued.Issuer);
                Assert.Equal("CN=system:node:worker-1, O=system:nodes", issued.Subject);
            }

            // A second run of the same command on the joined node continues from its files instead of demanding a reset.
            var again = await RunAsync("worker-1", [.. joinArgs[1..], "--rootfs", rootfs2, "--node-name", "worker-1", "--ignore-preflight-errors=all"]);
            output.WriteLine($"worker join again: exit {again.ExitCode}\n{again.Output}\n{again.Error}");
            Assert.True(again.ExitCode == 0, again.Output + again.Error);
            Assert.Contains("This node holds files of an earlier 'kubeadm join'", again.Output);
            Assert.Contains("This node has joined the cluster:", again.Output);

            // --- 2. Wrong trust or keys: each fails fast with a clear error and writes nothing. ---
            var wrongHash = Path.Combine(work, "wrong-hash");
            clock.Restart();
            var badHash = await RunAsync("n3", "join", endpoint, "--token", token, "--discovery-token-ca-cert-hash", "sha256:" + new string('0', 64),
                "--rootfs", wrongHash, "--node-name", "n3", "--ignore-preflight-errors=all");
            output.WriteLine($"wrong CA hash: {clock.Elapsed.TotalSeconds:0.0} s\n{badHash.Error}");
            Assert.Equal(1, badHash.ExitCode);
            Assert.Contains("couldn't validate the identity of the API Server: cluster CA found in cluster-info ConfigMap is invalid: none of the public keys \"" + hash + "\" are pinned", badHash.Error);
            AssertNothingWritten(wrongHash);

            var unknownToken = Path.Combine(work, "unknown-token");
            clock.Restart();
            var badToken = await RunAsync("n4", "join", endpoint, "--token", "zzzzzz.0123456789abcdef", "--discovery-token-ca-cert-hash", hash,
                "--rootfs", unknownToken, "--node-name", "n4", "--ignore-preflight-errors=all");
            output.WriteLine($"unknown token: {clock.Elapsed.TotalSeconds:0.0} s\n{badToken.Error}");
            Assert.Equal(1, badToken.ExitCode);
            Assert.Contains("token id \"zzzzzz\" is invalid for this cluster or it has expired", badToken.Error);
            AssertNothingWritten(unknownToken);

            var wrongKey = Path.Combine(work, "wrong-key");
            clock.Restart();
            var badKey = await RunAsync("n5", "join", endpoint, "--token", token, "--discovery-token-ca-cert-hash", hash, "--control-plane",
                "--certificate-key", new string('7', 64), "--apiserver-advertise-address", "127.0.0.1", "--apiserver-bind-port", ProcessKubelet.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--rootfs", wrongKey, "--node-name", "n5", "--ignore-preflight-errors=all");
            output.WriteLine($"wrong certificate key: {clock.Elapsed.TotalSeconds:0.0} s\n{badKey.Output}\n{badKey.Error}");
            Assert.Equal(1, badKey.ExitCode);
            Assert.Contains("error decoding secret data with provided key", badKey.Error);
            Assert.DoesNotContain(new string('7', 64), badKey.Output + badKey.Error);
            AssertNothingWritten(wrongKey);

            // --- 3. A control-plane node prepares itself from the real kubeadm-certs Secret, and checks the real etcd. ---
            // The etcd mirror Pod a kubelet would post for node 1's static etcd Pod: check-etcd finds etcd through it.
            var mirror = $$$"""
                {"apiVersion":"v1","kind":"Pod","metadata":{"name":"etcd-{{{FirstNode}}}","namespace":"kube-system",
                 "labels":{"component":"etcd","tier":"control-plane"},
                 "annotations":{"kubeadm.kubernetes.io/etcd.advertise-client-urls":"{{{controlPlane.EtcdEndpoint}}}"}},
                 "spec":{"nodeName":"{{{FirstNode}}}","containers":[{"name":"etcd","image":"registry.k8s.io/etcd:3.6.4-0"}]}}
                """;
            var posted = await ProcessKubelet.KubectlAsync(controlPlane.SuperAdminKubeconfig, mirror, "apply", "-f", "-");
            Assert.True(posted.ExitCode == 0, posted.Error);
            var rootfs6 = Path.Combine(work, "cp2");
            clock.Restart();
            var prepare = await RunAsync("cp-2", "join", endpoint, "--token", token, "--discovery-token-ca-cert-hash", hash, "--control-plane",
                "--certificate-key", certificateKey, "--apiserver-advertise-address", "127.0.0.1", "--apiserver-bind-port", ProcessKubelet.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--rootfs", rootfs6, "--node-name", "cp-2", "--ignore-preflight-errors=all",
                "--skip-phases", "kubelet-start,etcd-join,kubelet-wait-bootstrap,control-plane-join,wait-control-plane", "-o", "json");
            output.WriteLine($"control-plane prepare: {clock.Elapsed.TotalSeconds:0.0} s, exit {prepare.ExitCode}\n{prepare.Output}\n--- stderr\n{prepare.Error}");
            Assert.True(prepare.ExitCode == 0, $"{prepare.Output}\n{prepare.Error}");
            foreach (var shared in new[] { "ca.crt", "ca.key", "sa.key", "sa.pub", "front-proxy-ca.crt", "etcd/ca.crt", "etcd/ca.key" })
            {
                Assert.Equal(
                    await File.ReadAllBytesAsync(Path.Combine(rootfs1, "etc/kubernetes/pki", shared)),
                    await File.ReadAllBytesAsync(Path.Combine(rootfs6, "etc/kubernetes/pki", shared)));
            }

            Assert.Equal(Kubeadm.Core.Host.FileModes.Private, new PhysicalFileSystem("/").GetMode(Path.Combine(rootfs6, "etc/kubernetes/pki/ca.key")));
            using (var apiserver = X509Certificate2.CreateFromPem(await File.ReadAllTextAsync(Path.Combine(rootfs6, "etc/kubernetes/pki/apiserver.crt"))))
            using (var caCert = X509Certificate2.CreateFromPem(ca))
            {
                Assert.Equal(caCert.Subject, apiserver.Issuer);
                Assert.Contains("cp-2", apiserver.GetNameInfo(X509NameType.DnsName, false) + string.Join(",", apiserver.Extensions.OfType<X509SubjectAlternativeNameExtension>().SelectMany(e => e.EnumerateDnsNames())));
            }

            Assert.Contains($"server: https://{endpoint}", await File.ReadAllTextAsync(Path.Combine(rootfs6, "etc/kubernetes/admin.conf")));
            Assert.True(File.Exists(Path.Combine(rootfs6, "etc/kubernetes/manifests/kube-apiserver.yaml")));
            Assert.False(File.Exists(Path.Combine(rootfs6, "etc/kubernetes/super-admin.conf")));
            Assert.Contains("\"role\": \"control-plane\"", prepare.Output);
            Assert.Contains("[check-etcd] Checking that the etcd cluster is healthy", prepare.Error);
            Assert.Matches("\"name\": \"check-etcd\",\\s*\"outcome\": \"Ran\"", prepare.Output);
            Assert.Contains("\"name\": \"control-plane-prepare/download-certs\"", prepare.Output);
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
                // etcd may still be closing files.
            }
        }
    }

    private static void AssertNothingWritten(string rootfs)
    {
        var files = Directory.Exists(rootfs) ? Directory.GetFiles(rootfs, "*", SearchOption.AllDirectories) : [];
        Assert.True(files.Length == 0, "files were written: " + string.Join(", ", files));
    }

    private static void AssertInOrder(string text, string[] lines)
    {
        var at = 0;
        foreach (var line in lines)
        {
            var found = Regex.Match(text[at..], "(?m)^\\s*" + Regex.Escape(line));
            Assert.True(found.Success, $"\"{line}\" not found after offset {at} (in order) in:\n{text}");
            at += found.Index + found.Length;
        }
    }

    private static async Task<CliRun> RunAsync(string hostname, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var environment = new InitEnvironment
        {
            Out = stdout,
            Err = stderr,
            FileSystemFor = rootfs => new PhysicalFileSystem(rootfs),
            HostInfoFor = _ => new FixedHostInfo(hostname, System.Net.IPAddress.Loopback),
            ServiceManager = () => new RecordingServiceManager(),
            GetEnvironmentVariable = _ => null,
        };
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(6));
        var exitCode = await KubeadmCli.RunAsync(args, environment, timeout.Token);
        return new CliRun(exitCode, stdout.ToString(), stderr.ToString());
    }
}
