using System.Text.Json.Nodes;
using Kubeadm.App.Host;
using Kubeadm.App.Init;
using Kubeadm.App.Plan;
using Kubeadm.Core.Host;
using Kubeadm.Core.Plan;
using Xunit.Abstractions;

namespace Kubeadm.Cli.Tests.ControlPlaneHost;

/// <summary>
/// `kubeadm init --plan` against what the next real run then does, on a real Kubernetes 1.20 control plane (started
/// from our manifests by <see cref="ManifestWatchingKubelet"/>), through four node states: fresh; half done (certs and
/// kubeconfigs written, as after an init killed before its manifests); finished; and a config whose API server SANs
/// no longer match apiserver.crt (a conflict: exit 2, and the real run refuses with the same file). After each plan
/// the test checks the plan changed nothing (every file under the rootfs, byte and mode; every object it lists, by
/// resourceVersion), runs the real command, and compares what really changed — files by content and mode, objects by
/// content read back with kubectl — with what the plan said, item by item and both ways.
/// </summary>
[Trait("Category", "RealTools")]
[Trait("Category", "ControlPlane")]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class PlanAgreesWithRunEndToEndTests(ITestOutputHelper output)
{
    private const string NodeName = "kubeadm-plan-node";

    /// <summary>A fixed token, so the plan and the run name the same bootstrap-token Secret.</summary>
    private const string Token = "plan01.0123456789abcdef";

    [ControlPlaneFact]
    public async Task Should_AgreeWithTheNextRealRun_When_NodeIsFreshHalfDoneFinishedOrHasAStaleCertificate()
    {
        K8sTestBinaries.Require();
        var work = Directory.CreateTempSubdirectory("kubeadm-plan-").FullName;
        var rootfs = Path.Combine(work, "rootfs");
        Directory.CreateDirectory(rootfs);
        var apiServerPort = ProcessKubelet.FreePort();
        var schedulerPort = ProcessKubelet.FreePort();
        var kubeletHealthzPort = ProcessKubelet.FreePort();
        var controllerManagerPort = ProcessKubelet.FreePort();
        var configPath = Path.Combine(work, "kubeadm.yaml");
        var config = Config(apiServerPort, schedulerPort, controllerManagerPort, kubeletHealthzPort, certSans: null);
        await File.WriteAllTextAsync(configPath, config);
        string[] common = ["--config", configPath, "--rootfs", rootfs];
        ManifestWatchingKubelet? kubelet = null;
        try
        {
            // --- 1. Fresh node: everything to create; then the certs and kubeconfig phases of a run killed before its manifests. ---
            var fresh = await PlanAsync(rootfs, null, common);
            Assert.Equal(0, fresh.ExitCode);
            Assert.False(fresh.Plan.ClusterReachable);
            // Every file and object is new; the Node (which the kubelet registers) is assumed and marked by mark-control-plane.
            Assert.All(fresh.Plan.Items.Where(i => !i.Name.StartsWith("nodes ", StringComparison.Ordinal)), item => Assert.Equal(PlanAction.Create, item.Action));
            AssertAction(fresh.Plan, $"nodes {NodeName}", PlanAction.Update);
            Assert.Contains(fresh.Plan.Phases, p => p.Name == "certs/apiserver" && p.State == PhasePlanState.Changes);

            var beforeHalf = PlanFileSnapshot.Take(rootfs);
            Assert.Equal(0, (await RunAsync([.. PhaseArgs("certs", "all"), .. common])).ExitCode);
            Assert.Equal(0, (await RunAsync([.. PhaseArgs("kubeconfig", "all"), .. common])).ExitCode);
            PlanFileSnapshot.AssertAgree(fresh.Plan, beforeHalf, PlanFileSnapshot.Take(rootfs), phase => phase.StartsWith("certs/", StringComparison.Ordinal) || phase.StartsWith("kubeconfig/", StringComparison.Ordinal));

            // --- 2. Half-done node: certs and kubeconfigs unchanged, manifests and kubelet files to create, no cluster yet. ---
            var half = await PlanAsync(rootfs, null, common);
            Assert.Equal(0, half.ExitCode);
            Assert.False(half.Plan.ClusterReachable);
            AssertAction(half.Plan, "/etc/kubernetes/pki/ca.crt", PlanAction.Unchanged);
            AssertAction(half.Plan, "/etc/kubernetes/admin.conf", PlanAction.Unchanged);
            AssertAction(half.Plan, "/etc/kubernetes/manifests/kube-apiserver.yaml", PlanAction.Create);
            AssertAction(half.Plan, "/var/lib/kubelet/config.yaml", PlanAction.Create);
            Assert.Contains(half.Plan.Phases, p => p.Name == "certs/apiserver" && p.State == PhasePlanState.NothingToDo);
            Assert.Contains(half.Plan.Phases, p => p.Name == "kubeconfig/admin" && p.State == PhasePlanState.NothingToDo);

            kubelet = new ManifestWatchingKubelet(rootfs, Path.Combine(work, "run"), NodeName, kubeletHealthzPort, schedulerPort, TimeSpan.FromMinutes(5));
            var beforeInit = PlanFileSnapshot.Take(rootfs);
            var init = await RunAsync(["init", .. common, "--ignore-preflight-errors=all"]);
            Assert.True(init.ExitCode == 0, $"init exited {init.ExitCode}:\n{init.Output}\n{init.Error}\n{kubelet.LogTails()}");
            var controlPlane = await kubelet.ReadyAsync(TimeSpan.FromSeconds(30));
            PlanFileSnapshot.AssertAgree(half.Plan, beforeInit, PlanFileSnapshot.Take(rootfs), _ => true);
            var afterInit = await ObjectSnapshot.TakeAsync(controlPlane, half.Plan);
            foreach (var item in half.Plan.Items.Where(i => i.Kind == "object"))
            {
                // The cluster did not exist before this run: every object it lists must now exist.
                Assert.True(afterInit.Contains(item.Name), $"the plan said {item.Action} for {item.Name}, which does not exist after the run");
            }

            // --- 3. Finished node, control plane running: the plan reads the cluster; the re-run does what it says. ---
            // The token's expiration is the run's clock + TTL to the second: a plan within the same second as the run
            // before it (a re-run on a running control plane can take under a second) would rightly find it unchanged.
            await Task.Delay(TimeSpan.FromSeconds(1.1));
            var done = await PlanAsync(rootfs, controlPlane, common);
            output.WriteLine(NodePlanText.Render(done.Plan));
            Assert.Equal(0, done.ExitCode);
            Assert.True(done.Plan.ClusterReachable, done.Plan.Cluster);
            Assert.All(done.Plan.Items.Where(i => i.Kind == "file"), item => Assert.Equal(PlanAction.Unchanged, item.Action));
            AssertAction(done.Plan, "configmaps kube-system/kubeadm-config", PlanAction.Unchanged);
            // The token Secret's expiration is counted from each run's start: always an update.
            AssertAction(done.Plan, $"secrets kube-system/bootstrap-token-{Token[..6]}", PlanAction.Update);
            Assert.Contains(done.Plan.Phases, p => p.Name == "control-plane/apiserver" && p.State == PhasePlanState.NothingToDo);
            await AssertRealRunAgreesAsync(controlPlane, rootfs, done.Plan, ["init", .. common, "--ignore-preflight-errors=all"], expectSuccess: true);

            // --- 4. The API server's SANs changed in the config: apiserver.crt no longer fits. Plan: conflict, exit 2. ---
            var stalePath = Path.Combine(work, "kubeadm-new-san.yaml");
            await File.WriteAllTextAsync(stalePath, Config(apiServerPort, schedulerPort, controllerManagerPort, kubeletHealthzPort, certSans: "plan-new-name.example"));
            string[] stale = ["--config", stalePath, "--rootfs", rootfs];
            var conflict = await PlanAsync(rootfs, controlPlane, stale);
            output.WriteLine(NodePlanText.Render(conflict.Plan));
            Assert.Equal(2, conflict.ExitCode);
            Assert.False(conflict.Plan.CanProceed);
            var apiserverCert = Assert.Single(conflict.Plan.Conflicts);
            Assert.Equal("/etc/kubernetes/pki/apiserver.crt", apiserverCert.Name);
            Assert.Contains("plan-new-name.example", apiserverCert.Reason);
            Assert.Contains($"kubeadm init phase certs apiserver --config {stalePath} --rootfs {rootfs}", apiserverCert.Fix);
            Assert.Contains(conflict.Plan.Phases, p => p.Name == "certs/apiserver" && p.State == PhasePlanState.Conflict);
            AssertAction(conflict.Plan, "configmaps kube-system/kubeadm-config", PlanAction.Update);
            Assert.Contains(Item(conflict.Plan, "configmaps kube-system/kubeadm-config").Diff, line => line.Contains("plan-new-name.example", StringComparison.Ordinal));

            // The real run stops on the same file, having changed nothing.
            var filesBefore = PlanFileSnapshot.Take(rootfs);
            var refused = await RunAsync(["init", .. stale, "--ignore-preflight-errors=all"]);
            Assert.NotEqual(0, refused.ExitCode);
            Assert.Contains("apiserver.crt", refused.Error);
            Assert.Contains("plan-new-name.example", refused.Error);
            Assert.Equal(filesBefore, PlanFileSnapshot.Take(rootfs));

            // The fix the plan gave, then the plan again: it can proceed, and the run does what it says.
            var pki = Path.Combine(rootfs, "etc/kubernetes/pki");
            File.Move(Path.Combine(pki, "apiserver.crt"), Path.Combine(work, "apiserver.crt.bak"));
            File.Move(Path.Combine(pki, "apiserver.key"), Path.Combine(work, "apiserver.key.bak"));
            Assert.Equal(0, (await RunAsync([.. PhaseArgs("certs", "apiserver"), .. stale])).ExitCode);
            var fixedPlan = await PlanAsync(rootfs, controlPlane, stale);
            Assert.Equal(0, fixedPlan.ExitCode);
            AssertAction(fixedPlan.Plan, "/etc/kubernetes/pki/apiserver.crt", PlanAction.Unchanged);
            await AssertRealRunAgreesAsync(controlPlane, rootfs, fixedPlan.Plan, ["init", .. stale, "--ignore-preflight-errors=all"], expectSuccess: true);
        }
        finally
        {
            if (kubelet is not null)
            {
                await kubelet.DisposeAsync();
            }

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

    private static string[] PhaseArgs(params string[] phase) => ["init", "phase", .. phase];

    /// <summary>Runs the real command and checks every file and object the plan lists changed exactly as it said.</summary>
    private async Task AssertRealRunAgreesAsync(ProcessKubelet controlPlane, string rootfs, NodePlan plan, string[] command, bool expectSuccess)
    {
        var filesBefore = PlanFileSnapshot.Take(rootfs);
        var objectsBefore = await ObjectSnapshot.SettledAsync(controlPlane, plan);
        var run = await RunAsync(command);
        Assert.True((run.ExitCode == 0) == expectSuccess, $"{string.Join(' ', command)} exited {run.ExitCode}:\n{run.Output}\n{run.Error}");
        PlanFileSnapshot.AssertAgree(plan, filesBefore, PlanFileSnapshot.Take(rootfs), _ => true);
        var objectsAfter = await ObjectSnapshot.TakeAsync(controlPlane, plan);
        foreach (var item in plan.Items.Where(i => i.Kind == "object"))
        {
            var actual = ObjectSnapshot.Compare(objectsBefore, objectsAfter, item.Name);
            output.WriteLine($"{item.Name}: plan {item.Action}, run {actual}");
            Assert.True(item.Action == actual, $"{item.Name}: the plan said {item.Action}, the run did {actual}\n"
                + $"plan diff: {string.Join(" | ", item.Diff)}\nbefore: {objectsBefore.Json(item.Name)}\nafter: {objectsAfter.Json(item.Name)}");
        }
    }

    private static void AssertAction(NodePlan plan, string name, PlanAction action) => Assert.Equal(action, Item(plan, name).Action);

    private static PlannedItem Item(NodePlan plan, string name) =>
        plan.Items.SingleOrDefault(i => i.Name == name) ?? throw new Xunit.Sdk.XunitException($"the plan does not list {name}:\n{NodePlanText.Render(plan)}");

    /// <summary>`init --plan -o json`, checking it changed nothing: no file under the rootfs, no object it lists.</summary>
    private async Task<(int ExitCode, NodePlan Plan)> PlanAsync(string rootfs, ProcessKubelet? controlPlane, string[] common)
    {
        var files = PlanFileSnapshot.Take(rootfs);
        var run = await RunAsync(["init", "--plan", "-o", "json", .. common, "--ignore-preflight-errors=all"]);
        output.WriteLine($"plan exit {run.ExitCode}\n{run.Output}\n--- stderr\n{run.Error}");
        Assert.True(run.ExitCode is 0 or 2, $"init --plan exited {run.ExitCode}:\n{run.Error}");
        var plan = NodePlanJson.Parse(run.Output) ?? throw new Xunit.Sdk.XunitException("the plan was JSON null");
        Assert.Equal(files, PlanFileSnapshot.Take(rootfs));
        if (controlPlane is not null)
        {
            // Nothing was written to the cluster: once the controllers have settled, a second plan leaves every object it names as it was.
            var first = await ObjectSnapshot.SettledAsync(controlPlane, plan);
            var again = await RunAsync(["init", "--plan", "-o", "json", .. common, "--ignore-preflight-errors=all"]);
            Assert.Equal(run.ExitCode, again.ExitCode);
            var after = await ObjectSnapshot.TakeAsync(controlPlane, plan);
            var changed = first.Objects.Keys.Where(name => ObjectSnapshot.Compare(first, after, name) != PlanAction.Unchanged).ToList();
            Assert.True(changed.Count == 0, $"changed during a plan: {string.Join(", ", changed.Select(name => $"{name}\nbefore {first.Json(name)}\nafter {after.Json(name)}"))}");
        }

        return (run.ExitCode, plan);
    }

    private static string Config(int apiServerPort, int schedulerPort, int controllerManagerPort, int kubeletHealthzPort, string? certSans) => $"""
        apiVersion: kubeadm.k8s.io/v1beta4
        kind: InitConfiguration
        bootstrapTokens:
        - token: {Token}
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
        {(certSans is null ? "" : $"apiServer:\n  certSANs:\n  - {certSans}")}
        controllerManager:
          extraArgs:
          - name: secure-port
            value: "{controllerManagerPort}"
        scheduler:
          extraArgs:
          - name: secure-port
            value: "{schedulerPort}"
        ---
        apiVersion: kubelet.config.k8s.io/v1beta1
        kind: KubeletConfiguration
        healthzPort: {kubeletHealthzPort}
        """;

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

    /// <summary>The objects a plan lists, as kubectl reads them (one `kubectl get` for all their resources).</summary>
    private sealed record ObjectSnapshot(IReadOnlyDictionary<string, JsonObject> Objects)
    {
        public Dictionary<string, string> ResourceVersions =>
            Objects.ToDictionary(o => o.Key, o => (string?)o.Value["metadata"]?["resourceVersion"] ?? "", StringComparer.Ordinal);

        public bool Contains(string name) => Objects.ContainsKey(name);

        /// <summary>
        /// The objects once the controllers stopped changing them: right after init the bootstrap signer, the node TTL
        /// controller and the deployment controller still add their keys and annotations, and on a loaded machine they
        /// may not even have started yet. So: every such mark present, then two reads a second apart that agree.
        /// </summary>
        public static async Task<ObjectSnapshot> SettledAsync(ProcessKubelet controlPlane, NodePlan plan)
        {
            var previous = await TakeAsync(controlPlane, plan);
            for (var attempt = 0; attempt < 90; attempt++)
            {
                await Task.Delay(TimeSpan.FromSeconds(1));
                var current = await TakeAsync(controlPlane, plan);
                if (current.ControllersHaveActed()
                    && current.Objects.Count == previous.Objects.Count && current.Objects.Keys.All(name => Compare(previous, current, name) == PlanAction.Unchanged))
                {
                    return current;
                }

                previous = current;
            }

            throw new Xunit.Sdk.XunitException("the cluster's objects kept changing (or the controllers never marked them) for 90 s");
        }

        /// <summary>The marks the controllers leave on what init creates, on every such object this snapshot holds.</summary>
        private bool ControllersHaveActed() => Objects.All(entry => entry.Key switch
        {
            "configmaps kube-public/cluster-info" => entry.Value["data"] is JsonObject data && data.Any(pair => pair.Key.StartsWith("jws-kubeconfig-", StringComparison.Ordinal)),
            var name when name.StartsWith("deployments ", StringComparison.Ordinal) => entry.Value["metadata"]?["annotations"]?["deployment.kubernetes.io/revision"] is not null,
            var name when name.StartsWith("nodes ", StringComparison.Ordinal) => entry.Value["metadata"]?["annotations"]?["node.alpha.kubernetes.io/ttl"] is not null,
            _ => true,
        });

        public string Json(string name) => Objects.TryGetValue(name, out var json) ? json.ToJsonString() : "(absent)";

        public static async Task<ObjectSnapshot> TakeAsync(ProcessKubelet controlPlane, NodePlan plan)
        {
            var names = plan.Items.Where(i => i.Kind == "object").Select(i => i.Name).ToHashSet(StringComparer.Ordinal);
            var resources = names.Select(n => n.Split(' ')[0]).Distinct(StringComparer.Ordinal).ToList();
            var objects = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
            if (resources.Count == 0)
            {
                return new ObjectSnapshot(objects);
            }

            var result = await controlPlane.KubectlAsync("get", string.Join(',', resources), "-A", "-o", "json");
            Assert.True(result.ExitCode == 0, $"kubectl get: {result.Error}");
            foreach (var item in JsonNode.Parse(result.Output)!["items"]!.AsArray().OfType<JsonObject>())
            {
                var kind = (string)item["kind"]!;
                var resource = kind.ToLowerInvariant() + "s";
                var metadata = item["metadata"]!;
                var ns = (string?)metadata["namespace"];
                var name = ns is null ? $"{resource} {metadata["name"]}" : $"{resource} {ns}/{metadata["name"]}";
                if (names.Contains(name))
                {
                    objects[name] = item;
                }
            }

            return new ObjectSnapshot(objects);
        }

        /// <summary>
        /// What happened to one object between two snapshots, by content as a user reads it (server bookkeeping left out:
        /// resourceVersion, generation, managedFields, status). Test only, for the 1.20 control plane: a ServiceAccount's
        /// `secrets` list is left out too — 1.20's token controller rewrites it after any update (1.24+ no longer makes
        /// those Secrets); and 1.20's API server bumps the CoreDNS Deployment's generation on a replace whose every field
        /// reads back the same (our 1.34 object on a 1.20 server), which is why generation is not content here.
        /// </summary>
        public static PlanAction Compare(ObjectSnapshot before, ObjectSnapshot after, string name) =>
            (before.Objects.TryGetValue(name, out var old), after.Objects.TryGetValue(name, out var now)) switch
            {
                (false, true) => PlanAction.Create,
                (true, false) => PlanAction.Delete,
                (true, true) when JsonNode.DeepEquals(Content(old!), Content(now!)) => PlanAction.Unchanged,
                (true, true) => PlanAction.Update,
                _ => PlanAction.Unchanged,
            };

        private static JsonObject Content(JsonObject item)
        {
            var copy = item.DeepClone().AsObject();
            copy.Remove("status");
            var metadata = copy["metadata"]!.AsObject();
            metadata.Remove("resourceVersion");
            metadata.Remove("managedFields");
            metadata.Remove("generation");
            if ((string?)copy["kind"] == "ServiceAccount")
            {
                copy.Remove("secrets");
            }

            return copy;
        }
    }
}
