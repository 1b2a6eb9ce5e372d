using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using Kubeadm.App.Host;
using Kubeadm.App.Init;
using Kubeadm.App.Plan;
using Kubeadm.Core.Host;
using Kubeadm.Core.Plan;
using Xunit.Abstractions;

namespace Kubeadm.Cli.Tests.ControlPlaneHost;

/// <summary>
/// `kubeadm join --plan` against what the next real join then does, on a real Kubernetes 1.20 control plane that our own
/// `kubeadm init --upload-certs` built (run by <see cref="ManifestWatchingKubelet"/>); discovery reads the real
/// cluster-info. A worker: fresh (all to create), joined for real (its kubelet's TLS bootstrap done by
/// <see cref="TlsBootstrapStandIn"/> against the real controller-manager), planned again (all unchanged, exit 0) and
/// joined again; a node holding kubelet.conf of another cluster (exit 2 with the fix; the real join refuses the same
/// way). A control plane with --certificate-key: the plan lists the downloaded certificates, its own certificates,
/// kubeconfigs and manifests, and the etcd member it would add (read from the real etcd, not added); the real
/// control-plane-prepare then writes exactly the files the plan said, and a plan after it finds them unchanged.
/// After each plan the test checks it changed nothing: no file under the node's rootfs, no etcd member.
/// </summary>
[Trait("Category", "RealTools")]
[Trait("Category", "ControlPlane")]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class JoinPlanAgreesWithRunEndToEndTests(ITestOutputHelper output)
{
    private const string FirstNode = "kubeadm-jplan-cp1";

    /// <summary>The phases of a control-plane join that need this node's own kubelet and etcd (left to the real-node tests).</summary>
    private const string PrepareOnly = "kubelet-start,etcd-join,kubelet-wait-bootstrap,control-plane-join,wait-control-plane";

    [ControlPlaneFact]
    public async Task Should_AgreeWithTheRealJoin_When_WorkerIsFreshJoinedOrForeign_AndControlPlaneIsFreshOrPrepared()
    {
        K8sTestBinaries.Require();
        var work = Directory.CreateTempSubdirectory("kubeadm-join-plan-").FullName;
        var rootfs1 = Path.Combine(work, "node1");
        var apiServerPort = ProcessKubelet.FreePort();
        var schedulerPort = ProcessKubelet.FreePort();
        var kubeletHealthzPort = ProcessKubelet.FreePort();
        var configPath = Path.Combine(work, "kubeadm.yaml");
        await File.WriteAllTextAsync(configPath, InitConfig(apiServerPort, schedulerPort, kubeletHealthzPort));
        var kubelet = new ManifestWatchingKubelet(rootfs1, Path.Combine(work, "run"), FirstNode, kubeletHealthzPort, schedulerPort, TimeSpan.FromMinutes(5));
        try
        {
            var init = await RunAsync(FirstNode, "init", "--config", configPath, "--rootfs", rootfs1, "--ignore-preflight-errors=all", "--upload-certs");
            Assert.True(init.ExitCode == 0, $"kubeadm init exited {init.ExitCode}:\n{init.Output}\n{init.Error}\n{kubelet.LogTails()}");
            var controlPlane = await kubelet.ReadyAsync(TimeSpan.FromSeconds(30));
            var certificateKey = Regex.Match(init.Output, "--certificate-key ([0-9a-f]{64})").Groups[1].Value;
            Assert.Equal(64, certificateKey.Length);
            var printed = await RunAsync(FirstNode, "token", "create", "--print-join-command", "--rootfs", rootfs1);
            Assert.True(printed.ExitCode == 0, printed.Error);
            string[] discovery = [.. printed.Output.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries)[2..]];

            await WorkerAsync(work, discovery);
            await ControlPlaneAsync(work, rootfs1, controlPlane, discovery, certificateKey);
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

    private async Task WorkerAsync(string work, string[] discovery)
    {
        var rootfs = Path.Combine(work, "worker1");
        string[] join = ["join", .. discovery, "--rootfs", rootfs, "--node-name", "worker-1", "--ignore-preflight-errors=all"];

        // --- 1. Fresh worker: every file to create, the kubelet's two from its TLS bootstrap; exit 0, nothing written. ---
        var fresh = await PlanAsync("worker-1", rootfs, join);
        Assert.Equal(0, fresh.ExitCode);
        Assert.True(fresh.Plan.ClusterReachable, fresh.Plan.Cluster);
        Assert.Contains("cluster-info", fresh.Plan.Cluster, StringComparison.Ordinal);
        Assert.All(fresh.Plan.Items.Where(i => i.Kind == "file"), item => Assert.Equal(PlanAction.Create, item.Action));
        foreach (var path in new[] { "/etc/kubernetes/pki/ca.crt", "/var/lib/kubelet/config.yaml", "/var/lib/kubelet/kubeadm-flags.env" })
        {
            Assert.Equal("kubelet-start", Item(fresh.Plan, path).Phase);
        }

        Assert.Contains("TLS bootstrap", Item(fresh.Plan, "/etc/kubernetes/kubelet.conf").Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(fresh.Plan.Items, i => i.Name == "/etc/kubernetes/bootstrap-kubelet.conf");
        Assert.DoesNotContain(fresh.Plan.Items, i => i.Kind is "object" or "etcd");
        Assert.Contains(fresh.Plan.Phases, p => p.Name == "kubelet-start" && p.State == PhasePlanState.Changes);
        Assert.Contains(fresh.Plan.Phases, p => p.Name == "control-plane-prepare/certs" && p.State == PhasePlanState.NothingToDo);

        // --- 2. The real join writes what the plan said, both ways. ---
        var before = PlanFileSnapshot.Take(rootfs);
        await using (var bootstrap = new TlsBootstrapStandIn(rootfs, Path.Combine(work, "worker1-kubelet"), "worker-1"))
        {
            var run = await RunAsync("worker-1", join);
            output.WriteLine($"worker join: exit {run.ExitCode}\n{run.Output}\n{run.Error}");
            Assert.True(run.ExitCode == 0, $"worker join exited {run.ExitCode}:\n{run.Output}\n{run.Error}");
            await bootstrap.Completed.WaitAsync(TimeSpan.FromSeconds(5));
        }

        PlanFileSnapshot.AssertAgree(fresh.Plan, before, PlanFileSnapshot.Take(rootfs), _ => true);

        // --- 3. Joined worker: all unchanged, exit 0; the re-run then changes nothing. ---
        var joined = await PlanAsync("worker-1", rootfs, join);
        output.WriteLine(NodePlanText.Render(joined.Plan));
        Assert.Equal(0, joined.ExitCode);
        Assert.NotEmpty(joined.Plan.Items);
        Assert.All(joined.Plan.Items, item => Assert.Equal(PlanAction.Unchanged, item.Action));
        Assert.DoesNotContain(joined.Plan.Phases, p => p.State is PhasePlanState.Changes or PhasePlanState.Conflict);
        before = PlanFileSnapshot.Take(rootfs);
        var again = await RunAsync("worker-1", join);
        Assert.True(again.ExitCode == 0, again.Output + again.Error);
        PlanFileSnapshot.AssertAgree(joined.Plan, before, PlanFileSnapshot.Take(rootfs), _ => true);

        // --- 4. A node holding kubelet.conf of another cluster: a conflict with the fix, exit 2; the real join refuses alike. ---
        var foreign = Path.Combine(work, "foreign");
        Directory.CreateDirectory(Path.Combine(foreign, "etc/kubernetes"));
        await File.WriteAllTextAsync(Path.Combine(foreign, "etc/kubernetes/kubelet.conf"), ForeignKubeletConf());
        string[] foreignJoin = ["join", .. discovery, "--rootfs", foreign, "--node-name", "worker-2", "--ignore-preflight-errors=all"];
        var conflict = await PlanAsync("worker-2", foreign, foreignJoin);
        output.WriteLine(NodePlanText.Render(conflict.Plan));
        Assert.Equal(2, conflict.ExitCode);
        Assert.False(conflict.Plan.CanProceed);
        var reason = Assert.Single(conflict.Plan.Conflicts);
        Assert.Equal("preflight", reason.Phase);
        Assert.Contains("/etc/kubernetes/kubelet.conf trusts a CA that is not the CA of the cluster being joined", reason.Reason, StringComparison.Ordinal);
        Assert.Contains("kubeadm reset", reason.Fix, StringComparison.Ordinal);
        Assert.Contains(conflict.Plan.Phases, p => p.Name == "preflight" && p.State == PhasePlanState.Conflict);
        var text = await RunAsync("worker-2", [.. foreignJoin, "--plan"]);
        Assert.Equal(2, text.ExitCode);
        Assert.Contains("Conflicts (the run would stop at the first):", text.Output, StringComparison.Ordinal);
        Assert.Contains("the run would stop (exit 2)", text.Output, StringComparison.Ordinal);

        before = PlanFileSnapshot.Take(foreign);
        var refused = await RunAsync("worker-2", foreignJoin);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("/etc/kubernetes/kubelet.conf trusts a CA that is not the CA of the cluster being joined", refused.Error, StringComparison.Ordinal);
        Assert.Equal(before, PlanFileSnapshot.Take(foreign));
    }

    private async Task ControlPlaneAsync(string work, string rootfs1, ProcessKubelet controlPlane, string[] discovery, string certificateKey)
    {
        // The etcd mirror Pod a kubelet would post for node 1's static etcd Pod: the join finds etcd through it.
        var mirror = $$$"""
            {"apiVersion":"v1","kind":"Pod","metadata":{"name":"etcd-{{{FirstNode}}}","namespace":"kube-system",
             "labels":{"component":"etcd","tier":"control-plane"},
             "annotations":{"kubeadm.kubernetes.io/etcd.advertise-client-urls":"{{{controlPlane.EtcdEndpoint}}}"}},
             "spec":{"nodeName":"{{{FirstNode}}}","containers":[{"name":"etcd","image":"registry.k8s.io/etcd:3.6.4-0"}]}}
            """;
        var posted = await ProcessKubelet.KubectlAsync(controlPlane.SuperAdminKubeconfig, mirror, "apply", "-f", "-");
        Assert.True(posted.ExitCode == 0, posted.Error);
        var rootfs = Path.Combine(work, "cp2");
        string[] join =
        [
            "join", .. discovery, "--control-plane", "--certificate-key", certificateKey,
            // 127.0.0.2 (loopback): a peer URL of its own, never contacted by the plan or the prepare run.
            "--apiserver-advertise-address", "127.0.0.2", "--apiserver-bind-port", ProcessKubelet.FreePort().ToString(CultureInfo.InvariantCulture),
            "--rootfs", rootfs, "--node-name", "cp-2", "--ignore-preflight-errors=all",
        ];
        var membersBefore = await EtcdMembersAsync(rootfs1, controlPlane);

        // --- 5. The whole control-plane join, planned on a fresh node: certificates, kubeconfigs, manifests, the etcd member. ---
        var whole = await PlanAsync("cp-2", rootfs, join);
        output.WriteLine(NodePlanText.Render(whole.Plan));
        Assert.Equal(0, whole.ExitCode);
        Assert.All(whole.Plan.Items.Where(i => i.Kind == "file"), item => Assert.Equal(PlanAction.Create, item.Action));
        foreach (var shared in new[] { "ca.crt", "ca.key", "sa.key", "sa.pub", "front-proxy-ca.crt", "etcd/ca.crt", "etcd/ca.key" })
        {
            Assert.Equal("control-plane-prepare/download-certs", Item(whole.Plan, $"/etc/kubernetes/pki/{shared}").Phase);
        }

        Assert.Equal("control-plane-prepare/certs", Item(whole.Plan, "/etc/kubernetes/pki/apiserver.crt").Phase);
        Assert.Equal("control-plane-prepare/kubeconfig", Item(whole.Plan, "/etc/kubernetes/admin.conf").Phase);
        Assert.Equal("control-plane-prepare/control-plane", Item(whole.Plan, "/etc/kubernetes/manifests/kube-apiserver.yaml").Phase);
        Assert.Equal(PlanAction.Create, Item(whole.Plan, "/etc/kubernetes/manifests/etcd.yaml").Action);
        var member = Assert.Single(whole.Plan.Items, i => i.Kind == "etcd");
        Assert.Equal("member cp-2 https://127.0.0.2:2380", member.Name);
        Assert.Equal(PlanAction.Create, member.Action);
        AssertAction(whole.Plan, "clusterrolebindings kubeadm:cluster-admins", PlanAction.Unchanged);
        Assert.Contains(whole.Plan.Phases, p => p.Name == "check-etcd" && p.State == PhasePlanState.Acts);
        Assert.Equal(membersBefore, await EtcdMembersAsync(rootfs1, controlPlane));

        // --- 6. The prepare phases for real: they write exactly what the plan (of those phases) said; a plan after finds them unchanged. ---
        string[] prepare = [.. join, "--skip-phases", PrepareOnly];
        var fresh = await PlanAsync("cp-2", rootfs, prepare);
        Assert.Equal(0, fresh.ExitCode);
        Assert.Contains(fresh.Plan.Phases, p => p.Name == "kubelet-start" && p.State == PhasePlanState.Skipped);
        var before = PlanFileSnapshot.Take(rootfs);
        var run = await RunAsync("cp-2", prepare);
        output.WriteLine($"control-plane prepare: exit {run.ExitCode}\n{run.Output}\n{run.Error}");
        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        PlanFileSnapshot.AssertAgree(fresh.Plan, before, PlanFileSnapshot.Take(rootfs), _ => true);

        var prepared = await PlanAsync("cp-2", rootfs, prepare);
        output.WriteLine(NodePlanText.Render(prepared.Plan));
        Assert.Equal(0, prepared.ExitCode);
        Assert.All(prepared.Plan.Items.Where(i => i.Kind == "file"), item => Assert.Equal(PlanAction.Unchanged, item.Action));
        Assert.Contains(prepared.Plan.Phases, p => p.Name == "control-plane-prepare/certs" && p.State == PhasePlanState.NothingToDo);
        Assert.Equal(membersBefore, await EtcdMembersAsync(rootfs1, controlPlane));
    }

    private static void AssertAction(NodePlan plan, string name, PlanAction action) => Assert.Equal(action, Item(plan, name).Action);

    private static PlannedItem Item(NodePlan plan, string name) =>
        plan.Items.SingleOrDefault(i => i.Name == name) ?? throw new Xunit.Sdk.XunitException($"the plan does not list {name}:\n{NodePlanText.Render(plan)}");

    /// <summary>`join --plan -o json` (the given join arguments), checking it wrote nothing under the node's rootfs.</summary>
    private async Task<(int ExitCode, NodePlan Plan)> PlanAsync(string hostname, string rootfs, string[] join)
    {
        var files = PlanFileSnapshot.Take(rootfs);
        var run = await RunAsync(hostname, [.. join, "--plan", "-o", "json"]);
        output.WriteLine($"join --plan exit {run.ExitCode}\n{run.Output}\n--- stderr\n{run.Error}");
        Assert.True(run.ExitCode is 0 or 2, $"join --plan exited {run.ExitCode}:\n{run.Error}");
        var plan = NodePlanJson.Parse(run.Output) ?? throw new Xunit.Sdk.XunitException("the plan was JSON null");
        Assert.Equal("join", plan.Command);
        Assert.Equal(files, PlanFileSnapshot.Take(rootfs));
        return (run.ExitCode, plan);
    }

    /// <summary>The real etcd's members (etcdctl, with node 1's apiserver-etcd-client pair).</summary>
    private static async Task<string> EtcdMembersAsync(string rootfs1, ProcessKubelet controlPlane)
    {
        var (exitCode, members) = await new RealEtcd.Etcdctl(Path.Combine(rootfs1, "etc/kubernetes/pki"), "apiserver-etcd-client", controlPlane.EtcdEndpoint)
            .RunAsync("member", "list");
        Assert.True(exitCode == 0, members);
        return members;
    }

    /// <summary>kubelet.conf as a kubelet of another cluster (its own CA) leaves it.</summary>
    private static string ForeignKubeletConf()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=kubernetes", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using var ca = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddDays(1));
        var caData = Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes(ca.ExportCertificatePem() + "\n"));
        return $"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: other
              cluster:
                server: https://192.0.2.1:6443
                certificate-authority-data: {caData}
            contexts:
            - name: system:node:worker-2@other
              context:
                cluster: other
                user: system:node:worker-2
            current-context: system:node:worker-2@other
            users:
            - name: system:node:worker-2
              user:
                client-certificate: /var/lib/kubelet/pki/kubelet-client-current.pem
                client-key: /var/lib/kubelet/pki/kubelet-client-current.pem
            """;
    }

    private static string InitConfig(int apiServerPort, int schedulerPort, int kubeletHealthzPort) => $"""
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
        """;

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
