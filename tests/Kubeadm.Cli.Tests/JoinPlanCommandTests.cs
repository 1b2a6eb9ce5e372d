using System.Security.Cryptography.X509Certificates;
using k8s.Models;
using Kubeadm.App.Plan;
using Kubeadm.Core.ClusterApi;
using Kubeadm.Core.Host;

namespace Kubeadm.Cli.Tests;

/// <summary>
/// `kubeadm join --plan` on an in-memory node: discovery against a signed cluster-info, the cluster's kubeadm-config
/// and kubelet-config read from an in-memory API; what it prints, its exit codes, and that it changes nothing.
/// </summary>
public sealed class JoinPlanCommandTests
{
    private const string Token = "abcdef.0123456789abcdef";

    private static readonly string[] WorkerJoin =
        ["join", "10.0.0.1:6443", "--token", Token, "--discovery-token-unsafe-skip-ca-verification", "--node-name", "worker-1", "--ignore-preflight-errors=all", "--plan"];

    [Fact]
    public async Task Should_ListTheKubeletFilesToCreate_And_ChangeNothing_When_AWorkerIsFresh()
    {
        var (cli, cluster, _) = Harness();
        var requestsBefore = cluster.Requests.Count;

        var run = await cli.RunAsync(WorkerJoin);

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        Assert.Contains("What \"kubeadm join\" would do on this node (nothing was changed)", run.Output, StringComparison.Ordinal);
        Assert.Contains("cluster: discovered through 10.0.0.1:6443 (cluster-info, read only)", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^  create +/etc/kubernetes/pki/ca\.crt +\[kubelet-start\]$", run.Output);
        Assert.Matches(@"(?m)^  create +/var/lib/kubelet/config\.yaml +\[kubelet-start\]$", run.Output);
        Assert.Matches(@"(?m)^  create +/etc/kubernetes/kubelet\.conf +\[kubelet-wait-bootstrap\]\n +note: written by the kubelet's TLS bootstrap", run.Output);
        Assert.DoesNotMatch(@"(?m)^  \w+ +/etc/kubernetes/bootstrap-kubelet\.conf", run.Output);
        Assert.Matches(@"(?m)^  control-plane-prepare/certs +nothing to do$", run.Output);
        Assert.Contains("no conflicts: the run can proceed", run.Output, StringComparison.Ordinal);
        Assert.Empty(cli.FileSystem.ListAllFiles());
        Assert.Empty(cli.Services.Calls);
        Assert.All(cluster.Requests.Skip(requestsBefore), r => Assert.Contains(r.Verb, new[] { "get", "list" }));
    }

    [Fact]
    public async Task Should_ListTheDiscoveryConflictOnce_And_SayTheLaterPhasesCouldNotBePlanned_When_TheCaHashDoesNotMatch()
    {
        var (cli, cluster, _) = Harness();
        string[] join = ["join", "10.0.0.1:6443", "--token", Token, "--discovery-token-ca-cert-hash", "sha256:" + new string('0', 64),
            "--node-name", "worker-1", "--ignore-preflight-errors=all", "--plan", "-o", "json"];

        var run = await cli.RunAsync(join);

        Assert.Equal(2, run.ExitCode);
        var plan = NodePlanJson.Parse(run.Output)!;
        Assert.False(plan.ClusterReachable);
        var conflict = Assert.Single(plan.Conflicts);
        Assert.Equal("preflight", conflict.Phase);
        Assert.Contains("none of the public keys", conflict.Reason, StringComparison.Ordinal);
        Assert.Contains(plan.Phases, p => p.Name == "kubelet-start" && p.State == PhasePlanState.Skipped && p.Note!.Contains("not planned", StringComparison.Ordinal));
        Assert.DoesNotContain(plan.Items, i => i.Kind == "file");
        Assert.Empty(cli.FileSystem.ListAllFiles());
        Assert.DoesNotContain(cluster.Requests, r => r.Verb is not ("get" or "list"));
    }

    [Fact]
    public async Task Should_Exit2WithTheResetFix_When_KubeletConfTrustsAnotherCluster()
    {
        var (cli, _, _) = Harness();
        using var other = SignedClusterInfo.NewCa();
        cli.FileSystem.WriteAllText("/etc/kubernetes/kubelet.conf", KubeletConf(other), FileModes.Private);
        var before = cli.FileSystem.ListAllFiles();

        var run = await cli.RunAsync([.. WorkerJoin, "-o", "json"]);

        Assert.Equal(2, run.ExitCode);
        var plan = NodePlanJson.Parse(run.Output)!;
        Assert.False(plan.CanProceed);
        var conflict = Assert.Single(plan.Conflicts);
        Assert.Equal("preflight", conflict.Phase);
        Assert.Contains("/etc/kubernetes/kubelet.conf trusts a CA that is not the CA of the cluster being joined", conflict.Reason, StringComparison.Ordinal);
        Assert.Contains("kubeadm reset", conflict.Fix, StringComparison.Ordinal);
        Assert.Equal(before, cli.FileSystem.ListAllFiles());
        Assert.Contains("\"command\": \"join\"", run.Output, StringComparison.Ordinal);

        // The real join stops at the same place.
        var real = await cli.RunAsync([.. WorkerJoin[..^1]]);
        Assert.True(real.ExitCode == 1, real.Output + real.Error);
        Assert.True(real.Error.Contains("trusts a CA that is not the CA of the cluster being joined); run 'kubeadm reset' on this node first", StringComparison.Ordinal), real.Error);
        Assert.Equal(before, cli.FileSystem.ListAllFiles());
    }

    [Fact]
    public async Task Should_Refuse_When_CombinedWithDryRun()
    {
        var run = await new CliHarness().RunAsync([.. WorkerJoin, "--dry-run"]);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("--plan and --dry-run cannot be used together", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_DescribeThePlanFlag_When_HelpIsAsked()
    {
        var run = await new CliHarness().RunAsync("join", "--help");
        Assert.Contains("--plan", run.Output, StringComparison.Ordinal);
        Assert.Contains("etcd member", run.Output, StringComparison.Ordinal);
    }

    /// <summary>A node whose join reads the given cluster: cluster-info signed for <see cref="Token"/>, kubeadm-config and kubelet-config.</summary>
    private static (CliHarness Cli, InMemoryClusterApi Cluster, X509Certificate2 Ca) Harness()
    {
        var ca = SignedClusterInfo.NewCa();
        var cluster = new InMemoryClusterApi();
        cluster.Seed(ConfigMap("kubeadm-config", "ClusterConfiguration", """
            apiVersion: kubeadm.k8s.io/v1beta4
            kind: ClusterConfiguration
            kubernetesVersion: v1.34.2
            controlPlaneEndpoint: 10.0.0.1:6443
            """));
        cluster.Seed(ConfigMap("kubelet-config", "kubelet", """
            apiVersion: kubelet.config.k8s.io/v1beta1
            kind: KubeletConfiguration
            cgroupDriver: systemd
            """));
        return (new CliHarness { ClusterInfo = new SignedClusterInfo(ca, Token), Cluster = cluster }, cluster, ca);
    }

    private static V1ConfigMap ConfigMap(string name, string key, string value) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "kube-system" },
        Data = new Dictionary<string, string> { [key] = value },
    };

    private static string KubeletConf(X509Certificate2 ca) => $"""
        apiVersion: v1
        kind: Config
        clusters:
        - name: kubernetes
          cluster:
            server: https://10.0.0.1:6443
            certificate-authority-data: {Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes(ca.ExportCertificatePem() + "\n"))}
        contexts:
        - name: default
          context:
            cluster: kubernetes
            user: default
        current-context: default
        users:
        - name: default
          user:
            client-certificate: /var/lib/kubelet/pki/kubelet-client-current.pem
            client-key: /var/lib/kubelet/pki/kubelet-client-current.pem
        """;
}
