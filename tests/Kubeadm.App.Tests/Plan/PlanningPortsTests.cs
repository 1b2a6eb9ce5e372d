using k8s.Models;
using Kubeadm.App.Plan;
using Kubeadm.Core.ClusterApi;
using Kubeadm.Core.Host;
using Kubeadm.Core.Plan;

namespace Kubeadm.App.Tests.Plan;

public sealed class PlanningPortsTests
{
    private const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    [Fact]
    public void FileSystem_Should_NeverWriteTheNode_And_SayWhatEachWriteWouldDo()
    {
        var node = new InMemoryFileSystem();
        node.WriteAllText("/etc/kubernetes/manifests/etcd.yaml", "same\n", Private);
        node.WriteAllText("/etc/kubernetes/manifests/kube-apiserver.yaml", "a\nb\n", Private);
        node.WriteAllText("/etc/kubernetes/pki/ca.crt", "CA", Private);
        var recorder = new PlanRecorder();
        var plan = new PlanningFileSystem(node, recorder, path => path.EndsWith(".crt", StringComparison.Ordinal));

        recorder.Enter("etcd/local");
        plan.WriteAllText("/etc/kubernetes/manifests/etcd.yaml", "same\n", Private);
        plan.CreateDirectory("/var/lib/etcd", UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        recorder.Enter("control-plane/apiserver");
        plan.WriteAllText("/etc/kubernetes/manifests/kube-apiserver.yaml", "a\nc\n", Private);
        recorder.Enter("kubelet-start");
        plan.WriteAllText("/var/lib/kubelet/config.yaml", "new\n", Private);
        recorder.Enter("certs/ca");
        plan.Keep("/etc/kubernetes/pki/ca.crt");
        plan.Keep("/etc/kubernetes/pki/absent.crt");

        // Later phases read what earlier ones "wrote"; the node itself is untouched.
        Assert.Equal("new\n", plan.ReadAllText("/var/lib/kubelet/config.yaml"));
        Assert.False(node.FileExists("/var/lib/kubelet/config.yaml"));
        Assert.False(node.DirectoryExists("/var/lib/etcd"));
        Assert.Equal("a\nb\n", node.ReadAllText("/etc/kubernetes/manifests/kube-apiserver.yaml"));

        var items = plan.Items().ToDictionary(i => i.Name);
        Assert.Equal(PlanAction.Unchanged, items["/etc/kubernetes/manifests/etcd.yaml"].Action);
        Assert.Equal(PlanAction.Create, items["/var/lib/etcd"].Action);
        Assert.Equal("directory", items["/var/lib/etcd"].Kind);
        Assert.Equal(PlanAction.Update, items["/etc/kubernetes/manifests/kube-apiserver.yaml"].Action);
        Assert.Equal(["- b", "+ c"], items["/etc/kubernetes/manifests/kube-apiserver.yaml"].Diff);
        Assert.Equal("control-plane/apiserver", items["/etc/kubernetes/manifests/kube-apiserver.yaml"].Phase);
        Assert.Equal(PlanAction.Create, items["/var/lib/kubelet/config.yaml"].Action);
        Assert.Equal(PlanAction.Unchanged, items["/etc/kubernetes/pki/ca.crt"].Action);
        Assert.False(items.ContainsKey("/etc/kubernetes/pki/absent.crt"));
    }

    [Fact]
    public void FileSystem_Should_ReportAChownOfWhatTheNodeHas_AsAnUpdate()
    {
        var node = new InMemoryFileSystem();
        node.WriteAllText("/etc/kubernetes/pki/etcd/server.key", "KEY", Private);
        node.WriteAllText("/etc/kubernetes/pki/etcd/peer.key", "OLD", Private);
        node.CreateDirectory("/var/lib/etcd", UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var recorder = new PlanRecorder();
        var plan = new PlanningFileSystem(node, recorder, path => path.EndsWith(".key", StringComparison.Ordinal));

        recorder.Enter("certs/etcd-server");
        plan.WriteAllText("/etc/kubernetes/pki/etcd/server.key", "KEY", Private);
        plan.WriteAllText("/etc/kubernetes/pki/etcd/healthcheck-client.key", "NEW", Private);
        plan.WriteAllText("/etc/kubernetes/pki/etcd/peer.key", "NEWER", Private);
        recorder.Enter("etcd/local");
        foreach (var path in new[] { "/var/lib/etcd", "/etc/kubernetes/pki/etcd/server.key", "/etc/kubernetes/pki/etcd/healthcheck-client.key", "/etc/kubernetes/pki/etcd/peer.key" })
        {
            plan.SetOwner(path, 1001, 1002);
        }

        var items = plan.Items().ToDictionary(i => i.Name);
        Assert.Equal((PlanAction.Update, "directory", "etcd/local"), (items["/var/lib/etcd"].Action, items["/var/lib/etcd"].Kind, items["/var/lib/etcd"].Phase));
        Assert.Equal(["~ owner -> 1001:1002"], items["/var/lib/etcd"].Diff);
        // Same bytes and mode, new owner: an update of the file its writer phase owns.
        Assert.Equal((PlanAction.Update, "certs/etcd-server"), (items["/etc/kubernetes/pki/etcd/server.key"].Action, items["/etc/kubernetes/pki/etcd/server.key"].Phase));
        Assert.Equal(["~ owner -> 1001:1002"], items["/etc/kubernetes/pki/etcd/server.key"].Diff);
        Assert.Equal(["~ content differs (3 -> 5 bytes; secret material is not shown)", "~ owner -> 1001:1002"], items["/etc/kubernetes/pki/etcd/peer.key"].Diff);
        // A file the run creates is a create, whoever will own it.
        Assert.Equal(PlanAction.Create, items["/etc/kubernetes/pki/etcd/healthcheck-client.key"].Action);
        Assert.Empty(items["/etc/kubernetes/pki/etcd/healthcheck-client.key"].Diff);
    }

    [Fact]
    public async Task Cluster_Should_OnlyRead_And_CompareEachWriteWithTheObjectAsItWas()
    {
        var cluster = new InMemoryClusterApi();
        cluster.Seed(ConfigMap("kube-system", "same", "v"));
        cluster.Seed(ConfigMap("kube-system", "changed", "old"));
        cluster.Seed(new V1Node { Metadata = new V1ObjectMeta { Name = "n1", Labels = new Dictionary<string, string> { ["a"] = "1" } } });
        var before = cluster.Requests.Count;
        var recorder = new PlanRecorder();
        var plan = new PlanningClusterApi(cluster, recorder);

        recorder.Enter("upload-config/kubeadm");
        await plan.CreateOrUpdateAsync(ConfigMap("kube-system", "same", "v"), default);
        await plan.CreateOrUpdateAsync(ConfigMap("kube-system", "changed", "new"), default);
        await plan.CreateOrUpdateAsync(ConfigMap("kube-system", "fresh", "x"), default);
        await plan.CreateIfMissingAsync(ConfigMap("kube-system", "same", "ignored"), default);
        recorder.Enter("mark-control-plane");
        await plan.PatchNodeAsync("n1", """{"metadata":{"labels":{"role":""}}}""", default);

        // What later phases read is what the run would have left.
        Assert.Equal("new", (await plan.GetAsync<V1ConfigMap>("kube-system", "changed", default))!.Data["k"]);
        Assert.Equal(3, (await plan.ListAsync<V1ConfigMap>("kube-system", null, default)).Count);
        // The cluster only saw reads.
        Assert.All(cluster.Requests.Skip(before), r => Assert.Contains(r.Verb, new[] { "get", "list" }));
        Assert.Equal("old", (await cluster.GetAsync<V1ConfigMap>("kube-system", "changed", default))!.Data["k"]);

        var items = plan.Items().ToDictionary(i => i.Name);
        Assert.Equal(PlanAction.Unchanged, items["configmaps kube-system/same"].Action);
        Assert.Equal(PlanAction.Update, items["configmaps kube-system/changed"].Action);
        Assert.Equal(["~ data.k: \"old\" -> \"new\""], items["configmaps kube-system/changed"].Diff);
        Assert.Equal(PlanAction.Create, items["configmaps kube-system/fresh"].Action);
        Assert.Equal(PlanAction.Update, items["nodes n1"].Action);
        Assert.Equal("mark-control-plane", items["nodes n1"].Phase);
        Assert.Contains("+ metadata.labels.role: \"\"", items["nodes n1"].Diff);
    }

    [Fact]
    public void ConflictAdvice_Should_NameTheFile_And_TheCommandThatIssuesItAgain()
    {
        var error = new Kubeadm.Core.Pki.PkiFileException("/etc/kubernetes/pki/apiserver.crt", "certificate apiserver is invalid: it lacks SANs the configuration requires: new.example");
        var conflict = ConflictAdvice.For("certs/apiserver", error, [], "kubeadm init phase", " --config k.yaml");
        Assert.Equal("/etc/kubernetes/pki/apiserver.crt", conflict.Name);
        Assert.Equal(PlanAction.Conflict, conflict.Action);
        Assert.Contains("new.example", conflict.Reason, StringComparison.Ordinal);
        Assert.Contains("move /etc/kubernetes/pki/apiserver.crt and /etc/kubernetes/pki/apiserver.key out of the way", conflict.Fix, StringComparison.Ordinal);
        Assert.Contains("kubeadm init phase certs apiserver --config k.yaml", conflict.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void ConflictAdvice_Should_QuoteThePreflightErrors()
    {
        var conflict = ConflictAdvice.For("preflight", new Kubeadm.Core.Preflight.PreflightFailedException(), ["\t[ERROR Swap]: swap is on"], "kubeadm init phase", "");
        Assert.Equal("[ERROR Swap]: swap is on", conflict.Reason);
        Assert.Contains("--ignore-preflight-errors", conflict.Fix, StringComparison.Ordinal);
    }

    private static V1ConfigMap ConfigMap(string ns, string name, string value) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns },
        Data = new Dictionary<string, string> { ["k"] = value },
    };
}
