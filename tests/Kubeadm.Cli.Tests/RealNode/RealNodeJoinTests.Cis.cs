using System.Diagnostics;
using Kubeadm.Cli.Tests.ControlPlaneHost;
using Kubeadm.Cli.Tests.Runtime;
using Kubeadm.Core.Security;

namespace Kubeadm.Cli.Tests.RealNode;

/// <summary>
/// The "cis" security profile on the real-kubelet path: the published `kubeadm init --security-profile=cis` on a real
/// kubelet node, and a worker joining that hardened cluster with its own real kubelet. What only a real kubelet can
/// show: each kubelet asks the cluster CA for its serving certificate (serverTLSBootstrap), init approves the control
/// plane's own request, the API server then reaches kubelets only through a serving certificate it verifies against the
/// cluster CA (--kubelet-certificate-authority) — `kubectl logs` works, and the worker's kubelet is unreachable until an
/// administrator approves its request as join says; etcd runs as the host's etcd user in containerd and the files it
/// creates are that user's. Test-only shim: 1.20's API server has no --authentication-config (dropped by the image's
/// entrypoint, TestImageShim/main.go).
/// </summary>
public sealed partial class RealNodeJoinTests
{
    [RealNodeFact]
    public async Task Should_VerifyEveryKubeletsServingCertificate_When_TheClusterRunsTheCisProfile_AndAWorkerJoinsIt()
    {
        RealNodeRequirements.Verify();
        var etcdUser = EtcdUser.FromPasswd(await File.ReadAllTextAsync("/etc/passwd"));
        Assert.True(etcdUser is not null, "the host has no etcd user (Debian's etcd-server package makes one)");
        var shim = await TestImageShimBinary.BuildAsync(TimeSpan.FromMinutes(8));

        await using var controlPlane = await RealTestNode.StartAsync(TimeSpan.FromMinutes(20));
        await using var worker = await RealTestNode.StartAsync(TimeSpan.FromMinutes(20), WorkerAddress, WorkerName);
        await NodeNamespace.LinkAsync(controlPlane.Namespace, worker.Namespace);

        // --- init --security-profile=cis: the control plane's serving CSR approved by init itself. ---
        var (pause, _) = await RealControlPlane.PrepareAsync(controlPlane, shim);
        var clock = Stopwatch.StartNew();
        var init = await controlPlane.KubeadmAsync([.. await RealControlPlane.InitArgumentsAsync(controlPlane), "--security-profile=cis"], TimeSpan.FromMinutes(8));
        output.WriteLine($"init --security-profile=cis: {clock.Elapsed.TotalSeconds:0.0} s, exit {init.ExitCode}\n{init.Output}");
        Assert.True(init.ExitCode == 0, $"kubeadm init exited {init.ExitCode}:\n{init.Output}\n{controlPlane.Diagnostics()}");
        Assert.Matches($"\\[kubelet-serving\\] Approved certificate signing request \"[^\"]+\" for the kubelet serving certificate of node \"{RealControlPlane.NodeName}\"", init.Output);
        var printed = RealControlPlane.JoinLine(controlPlane.Namespace.Address).Match(init.Output);
        Assert.True(printed.Success, init.Output);
        await RealControlPlane.WaitForMirrorPodsRunningAsync(controlPlane, TimeSpan.FromMinutes(2));

        var manifest = await File.ReadAllTextAsync(controlPlane.Namespace.HostPath("/etc/kubernetes/manifests/kube-apiserver.yaml"));
        Assert.Contains("- --kubelet-certificate-authority=/etc/kubernetes/pki/ca.crt", manifest);
        var ca = controlPlane.Namespace.HostPath("/etc/kubernetes/pki/ca.crt");
        await AssertServingCertificateAsync(controlPlane, ca, controlPlane.Namespace.Address, TimeSpan.FromMinutes(1));

        // The API server → kubelet calls (logs, node proxy) now verify the kubelet's certificate against the CA.
        var logs = await KubectlTextAsync(controlPlane, "-n", "kube-system", "logs", $"kube-apiserver-{RealControlPlane.NodeName}", "--tail=3");
        Assert.True(logs.ExitCode == 0 && logs.Output.Trim().Length > 0, $"kubectl logs through the verified kubelet serving certificate: {logs.Output}");
        var healthz = await KubectlTextAsync(controlPlane, "get", "--raw", $"/api/v1/nodes/{RealControlPlane.NodeName}/proxy/healthz");
        Assert.True(healthz.ExitCode == 0 && healthz.Output.Trim() == "ok", $"node proxy to the control plane's kubelet: {healthz.Output}");

        // etcd runs as the etcd user (runAsUser): the data dir is its, and so is what etcd itself created in it.
        var owners = await controlPlane.InNodeAsync(["/usr/bin/stat", "-c", "%u:%g %n", "/var/lib/etcd", "/var/lib/etcd/member/snap/db", "/var/lib/etcd/member/wal"], TimeSpan.FromSeconds(20));
        output.WriteLine("etcd data owners: " + owners.Output);
        Assert.True(owners.ExitCode == 0, owners.Output);
        Assert.All(owners.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => Assert.StartsWith($"{etcdUser!.UserId}:{etcdUser.GroupId} ", line));

        // Encryption at rest and the audit log, on this node's real API server.
        Assert.Equal(0, (await KubectlTextAsync(controlPlane, "-n", "default", "create", "secret", "generic", "cis-probe", "--from-literal=password=plain-s3cr3t-value")).ExitCode);
        var raw = await controlPlane.InNodeAsync(["ETCDCTL_API=3", "/usr/bin/etcdctl", "--endpoints=https://127.0.0.1:2379", "--cacert=/etc/kubernetes/pki/etcd/ca.crt",
            "--cert=/etc/kubernetes/pki/apiserver-etcd-client.crt", "--key=/etc/kubernetes/pki/apiserver-etcd-client.key",
            "get", "/registry/secrets/default/cis-probe", "--print-value-only"], TimeSpan.FromSeconds(30));
        Assert.True(raw.ExitCode == 0, raw.Output);
        Assert.StartsWith(EncryptionConfigurationFile.StoredPrefix, raw.Output);
        Assert.DoesNotContain("plain-s3cr3t-value", raw.Output);
        Assert.Contains("\"objectRef\":{\"resource\":\"secrets\",\"namespace\":\"default\",\"name\":\"cis-probe\"",
            await File.ReadAllTextAsync(controlPlane.Namespace.HostPath(HardeningPaths.AuditLogFile)));

        // --- A worker joins the hardened cluster; its serving certificate waits for an administrator. ---
        await worker.StartContainerdAsync(pause, [pause], shim);
        await File.WriteAllTextAsync(worker.Namespace.HostPath("/etc/default/kubelet"), KubeletExtraArgs(worker.Namespace.CgroupRoot));
        await worker.StartKubeletAsync();
        var command = printed.Value.Replace("\\", " ", StringComparison.Ordinal).Split((char[])[' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries);
        string[] join = [.. command.Skip(1), "--security-profile=cis", "--ignore-preflight-errors=KubeletVersion"];
        clock.Restart();
        var joined = await worker.KubeadmAsync(join, TimeSpan.FromMinutes(6));
        output.WriteLine($"worker join --security-profile=cis: {clock.Elapsed.TotalSeconds:0.0} s, exit {joined.ExitCode}\n{joined.Output}");
        Assert.True(joined.ExitCode == 0, $"kubeadm join exited {joined.ExitCode}:\n{joined.Output}\n{worker.Diagnostics()}\n{controlPlane.Diagnostics()}");
        Assert.Contains($"the request of system:node:{WorkerName} names only this node's name and addresses (kubectl get csr), then: kubectl certificate approve <name>", joined.Output);
        Assert.Contains("This node has joined the cluster:", joined.Output);
        await WaitForNodeAsync(controlPlane, TimeSpan.FromMinutes(1));
        var kubeletConfigMode = await worker.InNodeAsync(["/usr/bin/stat", "-c", "%a", "/var/lib/kubelet/config.yaml"], TimeSpan.FromSeconds(20));
        Assert.Equal("600", kubeletConfigMode.Output.Trim());

        // Unverifiable until approved: the worker's kubelet has no serving certificate the API server can check.
        var csrName = await WaitForServingCsrAsync(controlPlane, WorkerName, TimeSpan.FromMinutes(1));
        var before = await KubectlTextAsync(controlPlane, "get", "--raw", $"/api/v1/nodes/{WorkerName}/proxy/healthz");
        output.WriteLine($"node proxy to the worker before approval: exit {before.ExitCode}: {before.Output}");
        Assert.NotEqual(0, before.ExitCode);

        var approve = await KubectlTextAsync(controlPlane, "certificate", "approve", csrName);
        Assert.True(approve.ExitCode == 0, approve.Output);
        await AssertServingCertificateAsync(worker, ca, WorkerAddress, TimeSpan.FromMinutes(1));
        var after = await RetryKubectlAsync(controlPlane, ["get", "--raw", $"/api/v1/nodes/{WorkerName}/proxy/healthz"], TimeSpan.FromSeconds(30));
        Assert.True(after.ExitCode == 0 && after.Output.Trim() == "ok", $"node proxy to the worker's kubelet after approval: {after.Output}");
    }

    /// <summary>The kubelet's serving certificate (its certificate store's current file) verifies against the cluster CA and names the node's address.</summary>
    private async Task AssertServingCertificateAsync(RealTestNode node, string ca, string address, TimeSpan timeout)
    {
        var current = node.Namespace.HostPath("/var/lib/kubelet/pki/kubelet-server-current.pem");
        var deadline = DateTime.UtcNow + timeout;
        while (!File.Exists(current))
        {
            Assert.True(DateTime.UtcNow < deadline, $"the kubelet of {node.Namespace.Address} wrote no serving certificate within {timeout}\n{node.Diagnostics()}");
            await Task.Delay(TimeSpan.FromSeconds(1));
        }

        var file = node.Namespace.HostPath("/var/lib/kubelet/pki/" + Path.GetFileName(new FileInfo(current).LinkTarget ?? "kubelet-server-current.pem"));
        var verify = await HostTool.RunAsync("/usr/bin/openssl", ["verify", "-CAfile", ca, file], TimeSpan.FromSeconds(20));
        Assert.True(verify.ExitCode == 0 && verify.Output.Contains(": OK", StringComparison.Ordinal), $"openssl verify of the serving certificate: {verify.Output}");
        var text = await HostTool.RunCheckedAsync("/usr/bin/openssl", ["x509", "-noout", "-ext", "subjectAltName", "-in", file], TimeSpan.FromSeconds(20));
        output.WriteLine($"serving certificate of {address}: {text.Trim()}");
        Assert.Contains("IP Address:" + address, text);
    }

    private static async Task<string> WaitForServingCsrAsync(RealTestNode controlPlane, string nodeName, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var csrs = await controlPlane.KubectlJsonAsync("get", "csr");
            var pending = csrs["items"]!.AsArray().FirstOrDefault(c =>
                (string?)c!["spec"]!["signerName"] == KubeletServingCsrCheck.SignerName && (string?)c["spec"]!["username"] == "system:node:" + nodeName);
            if (pending is not null)
            {
                return (string)pending["metadata"]!["name"]!;
            }

            Assert.True(DateTime.UtcNow < deadline, $"no kubelet serving CSR from {nodeName} within {timeout}: {csrs.ToJsonString()}");
            await Task.Delay(TimeSpan.FromSeconds(2));
        }
    }

    private static async Task<(int ExitCode, string Output)> RetryKubectlAsync(RealTestNode node, string[] arguments, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var run = await KubectlTextAsync(node, arguments);
            if (run.ExitCode == 0 || DateTime.UtcNow > deadline)
            {
                return run;
            }

            await Task.Delay(TimeSpan.FromSeconds(2));
        }
    }

    private static Task<(int ExitCode, string Output)> KubectlTextAsync(RealTestNode node, params string[] arguments) =>
        node.InNodeAsync([K8sTestBinaries.Kubectl, "--kubeconfig", "/etc/kubernetes/admin.conf", "--request-timeout=20s", .. arguments], TimeSpan.FromSeconds(40));
}
