using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using k8s.KubeConfigModels;
using Kubeadm.App.Join;
using Kubeadm.App.Plan;
using Kubeadm.Core.Configuration;
using Kubeadm.Core.Host;
using Kubeadm.Core.Plan;
using Kubeadm.Workflow;

namespace Kubeadm.App.Tests.Plan;

/// <summary>The parts `join --plan` adds to the plan engine: files others write, etcd members, repeated conflicts, a foreign node.</summary>
public sealed class JoinPlanTests
{
    private const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    [Fact]
    public void FileSystem_Should_PlanAFileTheKubeletWrites_AsCreatedWithItsNote_OrUnchangedWhenThere()
    {
        var node = new InMemoryFileSystem();
        node.WriteAllText("/var/lib/kubelet/pki/kubelet-client-current.pem", "PEM", Private);
        var recorder = new PlanRecorder();
        var plan = new PlanningFileSystem(node, recorder, _ => true);

        recorder.Enter("kubelet-wait-bootstrap");
        plan.ExpectFromOthers("/etc/kubernetes/kubelet.conf", "written by the kubelet");
        plan.ExpectFromOthers("/var/lib/kubelet/pki/kubelet-client-current.pem", "written by the kubelet");
        // Written, then removed in the same run: absent before and after, so not listed.
        plan.WriteAllText("/etc/kubernetes/bootstrap-kubelet.conf", "x", Private);
        plan.DeleteFile("/etc/kubernetes/bootstrap-kubelet.conf");

        var items = plan.Items().ToDictionary(i => i.Name);
        Assert.Equal(PlanAction.Create, items["/etc/kubernetes/kubelet.conf"].Action);
        Assert.Equal("written by the kubelet", items["/etc/kubernetes/kubelet.conf"].Reason);
        Assert.Equal("kubelet-wait-bootstrap", items["/etc/kubernetes/kubelet.conf"].Phase);
        Assert.Equal(PlanAction.Unchanged, items["/var/lib/kubelet/pki/kubelet-client-current.pem"].Action);
        Assert.False(items.ContainsKey("/etc/kubernetes/bootstrap-kubelet.conf"));
        Assert.False(node.FileExists("/etc/kubernetes/kubelet.conf"));
    }

    [Fact]
    public void Session_Should_ReportAnEtcdMember_InItsOwnSection_And_CountItAsAChange()
    {
        var session = new PlanSession(new PlanClusterSource(null, "not reached"), "kubeadm join phase", "");
        session.Enter("etcd-join");
        session.Record(JoinEtcdPhases.EtcdItemKind, "member cp-2 https://10.0.0.2:2380", PlanAction.Create, "the run adds it");
        var runner = new PhaseRunner<object>([new Phase<object> { Name = "etcd-join", Short = "", Run = (_, _) => Task.CompletedTask }], () => new object(), TimeProvider.System);
        var result = new WorkflowResult([new PhaseRecord("etcd-join", PhaseOutcome.Ran, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch)]);

        var plan = session.Assemble("join", runner.Nodes, result, new Dictionary<string, string>());

        var member = Assert.Single(plan.Items);
        Assert.Equal("etcd", member.Kind);
        Assert.Equal(PhasePlanState.Changes, Assert.Single(plan.Phases).State);
        var text = NodePlanText.Render(plan);
        Assert.Matches(@"(?m)^etcd:\n  create +member cp-2 https://10\.0\.0\.2:2380 +\[etcd-join\]\n +note: the run adds it$", text);
        Assert.Contains("\"kind\": \"etcd\"", NodePlanJson.Render(plan, "json"), StringComparison.Ordinal);
    }

    [Fact]
    public void Planner_Should_ListAConflictOnce_And_MarkTheLaterPhasesNotPlanned_When_TheyFailForTheSameReason()
    {
        var plan = new NodePlan
        {
            Command = "join",
            CanProceed = false,
            ClusterReachable = false,
            Cluster = "not reached",
            Phases =
            [
                new PlannedPhase("preflight", PhasePlanState.Conflict, null),
                new PlannedPhase("kubelet-start", PhasePlanState.Conflict, null),
                new PlannedPhase("wait-control-plane", PhasePlanState.NothingToDo, null),
            ],
            Items =
            [
                new PlannedItem { Phase = "preflight", Kind = "phase", Name = "preflight", Action = PlanAction.Conflict, Reason = "discovery failed" },
                new PlannedItem { Phase = "kubelet-start", Kind = "phase", Name = "kubelet-start", Action = PlanAction.Conflict, Reason = "discovery failed" },
            ],
        };

        var cleaned = JoinPlanner.WithoutRepeatedConflicts(plan);

        Assert.Equal("preflight", Assert.Single(cleaned.Conflicts).Phase);
        Assert.Equal(PhasePlanState.Conflict, cleaned.Phases[0].State);
        Assert.Equal(PhasePlanState.Skipped, cleaned.Phases[1].State);
        Assert.Contains("not planned", cleaned.Phases[1].Note, StringComparison.Ordinal);
        Assert.Equal(PhasePlanState.NothingToDo, cleaned.Phases[2].State);
    }

    [Fact]
    public void Actions_Should_FollowTheKindOfJoin()
    {
        var worker = JoinPlanner.ActionsFor(controlPlane: false, localMode: true, stackedEtcd: false);
        Assert.False(worker.ContainsKey("check-etcd"));
        Assert.False(worker.ContainsKey("wait-control-plane"));
        Assert.Contains("TLS bootstrap", worker["kubelet-wait-bootstrap"], StringComparison.Ordinal);

        var controlPlane = JoinPlanner.ActionsFor(controlPlane: true, localMode: false, stackedEtcd: true);
        Assert.Contains("TLS bootstrap", controlPlane["kubelet-start"], StringComparison.Ordinal);
        Assert.Contains("adds the etcd member", controlPlane["control-plane-join/etcd"], StringComparison.Ordinal);
        Assert.False(controlPlane.ContainsKey("etcd-join"));
    }

    [Fact]
    public void EarlierJoin_Should_RefuseAKubeletConfOfAnotherCluster_WithTheResetFix_And_AcceptOneOfThisCluster()
    {
        using var cluster = NewCa();
        using var other = NewCa();
        var join = new JoinConfiguration { CaCertPath = "/etc/kubernetes/pki/ca.crt" };
        var tlsBootstrap = new K8SConfiguration
        {
            Clusters = [new Cluster { Name = "kubernetes", ClusterEndpoint = new ClusterEndpoint { Server = "https://10.0.0.1:6443", CertificateAuthorityData = Base64Pem(cluster) } }],
        };
        var node = new InMemoryFileSystem();

        node.WriteAllText("/etc/kubernetes/kubelet.conf", KubeletConf(other), Private);
        var refused = Assert.Throws<ForeignNodeStateException>(() => EarlierJoinState.RequireSameCluster(node, join, tlsBootstrap));
        Assert.Contains("/etc/kubernetes/kubelet.conf trusts a CA that is not the CA of the cluster being joined", refused.Message, StringComparison.Ordinal);
        var conflict = ConflictAdvice.For("preflight", refused, [], "kubeadm join phase", "");
        Assert.Contains("kubeadm reset", conflict.Fix, StringComparison.Ordinal);

        node.WriteAllText("/etc/kubernetes/kubelet.conf", KubeletConf(cluster), Private);
        EarlierJoinState.RequireSameCluster(node, join, tlsBootstrap);
    }

    private static X509Certificate2 NewCa()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=kubernetes", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddDays(1));
    }

    private static string Base64Pem(X509Certificate2 ca) => Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes(ca.ExportCertificatePem() + "\n"));

    private static string KubeletConf(X509Certificate2 ca) => $"""
        apiVersion: v1
        kind: Config
        clusters:
        - name: default-cluster
          cluster:
            server: https://10.0.0.1:6443
            certificate-authority-data: {Base64Pem(ca)}
        contexts:
        - name: default-context
          context:
            cluster: default-cluster
            user: default-auth
        current-context: default-context
        users:
        - name: default-auth
          user:
            client-certificate: /var/lib/kubelet/pki/kubelet-client-current.pem
            client-key: /var/lib/kubelet/pki/kubelet-client-current.pem
        """;
}
