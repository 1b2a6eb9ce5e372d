using System.Text.Json.Nodes;

namespace Kubeadm.Cli.Tests.MultiNode;

/// <summary>What the kubelet stand-in posts and which binary an image runs (no processes; the bed test runs them).</summary>
public sealed class KubeletStandInObjectsTests
{
    private const string Manifest = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: kube-scheduler
          namespace: kube-system
          labels:
            component: kube-scheduler
            tier: control-plane
        spec:
          hostNetwork: true
          containers:
          - name: kube-scheduler
            image: registry.k8s.io/kube-scheduler:v1.33.5
            command:
            - kube-scheduler
            - --bind-address=127.0.0.1
        """;

    [Fact]
    public void Should_ChangeTheConfigHash_When_TheManifestChanges_AndDependOnNodeAndPath()
    {
        var hash = KubeletApiObjects.StaticPodHash("node-1", "/etc/kubernetes/manifests/kube-scheduler.yaml", Manifest);

        Assert.Matches("^[0-9a-f]{32}$", hash);
        Assert.Equal(hash, KubeletApiObjects.StaticPodHash("node-1", "/etc/kubernetes/manifests/kube-scheduler.yaml", Manifest));
        Assert.NotEqual(hash, KubeletApiObjects.StaticPodHash("node-1", "/etc/kubernetes/manifests/kube-scheduler.yaml", Manifest.Replace("v1.33.5", "v1.34.2", StringComparison.Ordinal)));
        Assert.NotEqual(hash, KubeletApiObjects.StaticPodHash("node-2", "/etc/kubernetes/manifests/kube-scheduler.yaml", Manifest));
        Assert.NotEqual(hash, KubeletApiObjects.StaticPodHash("node-1", "/etc/kubernetes/manifests/other.yaml", Manifest));
    }

    [Fact]
    public void Should_CarryTheKubeletsAnnotationsOwnerAndImage_When_BuildingTheMirrorPod()
    {
        var seen = new DateTime(2026, 12, 5, 12, 0, 0, DateTimeKind.Utc);

        var pod = KubeletApiObjects.MirrorPod("kube-scheduler", Manifest, "node-1", "uid-1", "0123456789abcdef0123456789abcdef", seen);

        Assert.Equal("kube-scheduler-node-1", (string?)pod["metadata"]!["name"]);
        var annotations = pod["metadata"]!["annotations"]!;
        Assert.Equal("0123456789abcdef0123456789abcdef", (string?)annotations["kubernetes.io/config.hash"]);
        Assert.Equal("0123456789abcdef0123456789abcdef", (string?)annotations["kubernetes.io/config.mirror"]);
        Assert.Equal("file", (string?)annotations["kubernetes.io/config.source"]);
        Assert.Equal("2026-12-05T12:00:00.0000000Z", (string?)annotations["kubernetes.io/config.seen"]);
        Assert.Equal("kube-scheduler", (string?)pod["metadata"]!["labels"]!["component"]);
        var owner = pod["metadata"]!["ownerReferences"]![0]!;
        Assert.Equal(("Node", "node-1", "uid-1", true), ((string?)owner["kind"], (string?)owner["name"], (string?)owner["uid"], (bool?)owner["controller"]));
        Assert.Equal("node-1", (string?)pod["spec"]!["nodeName"]);
        Assert.Equal("registry.k8s.io/kube-scheduler:v1.33.5", (string?)pod["spec"]!["containers"]![0]!["image"]);
        Assert.Contains(pod["spec"]!["tolerations"]!.AsArray(), t => (string?)t!["operator"] == "Exists" && (string?)t["effect"] == "NoExecute");
    }

    [Fact]
    public void Should_ReportRunningWithTheImage_When_TheContainerRuns_AndPendingImagePullBackOff_When_TheImageHasNoBinary()
    {
        var started = new DateTime(2026, 12, 5, 12, 0, 0, DateTimeKind.Utc);
        var running = JsonNode.Parse(KubeletApiObjects.PodStatusPatch("kube-scheduler",
            new StaticPodState("registry.k8s.io/kube-scheduler:v1.33.5", "/bin/v1.33.5/kube-scheduler", true, started, 0, null, null), "192.0.2.11"))!["status"]!;
        var unpullable = JsonNode.Parse(KubeletApiObjects.PodStatusPatch("kube-scheduler",
            new StaticPodState("registry.k8s.io/kube-scheduler:v9.9.9", null, false, started, 0, null, new StaticPodWaiting("ImagePullBackOff", "Back-off")), "192.0.2.11"))!["status"]!;

        Assert.Equal("Running", (string?)running["phase"]);
        Assert.Equal("192.0.2.11", (string?)running["podIP"]);
        var container = running["containerStatuses"]![0]!;
        Assert.Equal(("kube-scheduler", "registry.k8s.io/kube-scheduler:v1.33.5", true), ((string?)container["name"], (string?)container["image"], (bool?)container["ready"]));
        Assert.NotNull(container["state"]!["running"]);
        Assert.Contains(running["conditions"]!.AsArray(), c => (string?)c!["type"] == "Ready" && (string?)c["status"] == "True");

        Assert.Equal("Pending", (string?)unpullable["phase"]);
        Assert.Equal("ImagePullBackOff", (string?)unpullable["containerStatuses"]![0]!["state"]!["waiting"]!["reason"]);
        Assert.Equal("registry.k8s.io/kube-scheduler:v9.9.9", (string?)unpullable["containerStatuses"]![0]!["image"]);
        Assert.Contains(unpullable["conditions"]!.AsArray(), c => (string?)c!["type"] == "Ready" && (string?)c["status"] == "False");
    }

    [Fact]
    public void Should_ReportTheChosenKubeletVersionAndReady_When_BuildingTheNodeStatus()
    {
        var status = JsonNode.Parse(KubeletApiObjects.NodeStatusPatch("node-2", "192.0.2.12", "v1.33.5", DateTime.UtcNow, DateTime.UtcNow))!["status"]!;

        Assert.Equal("v1.33.5", (string?)status["nodeInfo"]!["kubeletVersion"]);
        Assert.Contains(status["addresses"]!.AsArray(), a => (string?)a!["type"] == "InternalIP" && (string?)a["address"] == "192.0.2.12");
        Assert.Equal(("Ready", "True"), ((string?)status["conditions"]![0]!["type"], (string?)status["conditions"]![0]!["status"]));
    }

    [Fact]
    public void Should_MergeObjectsReplaceArraysAndKeepTheRest_When_ApplyingAStatusPatch()
    {
        var node = JsonNode.Parse("""{"metadata":{"name":"node-1","labels":{"a":"b"}},"status":{"nodeInfo":{"kubeletVersion":"v1.33.5","bootID":"x"},"conditions":[{"type":"Ready","status":"Unknown"},{"type":"MemoryPressure"}],"images":[1]}}""")!.AsObject();

        KubeletApiObjects.ApplyMergePatch(node, JsonNode.Parse("""{"status":{"nodeInfo":{"kubeletVersion":"v1.34.2"},"conditions":[{"type":"Ready","status":"True"}],"images":null}}""")!.AsObject());

        Assert.Equal("""{"metadata":{"name":"node-1","labels":{"a":"b"}},"status":{"nodeInfo":{"kubeletVersion":"v1.34.2","bootID":"x"},"conditions":[{"type":"Ready","status":"True"}]}}""", node.ToJsonString());
    }

    [Theory]
    [InlineData("registry.k8s.io/etcd:3.6.4-0", "etcd", "3.6.4-0")]
    [InlineData("registry.k8s.io/kube-apiserver:v1.33.5", "kube-apiserver", "v1.33.5")]
    [InlineData("localhost:5000/k8s/kube-scheduler:v1.34.2@sha256:00", "kube-scheduler", "v1.34.2")]
    public void Should_ReadNameAndTag_When_ParsingAnImageReference(string image, string name, string tag) =>
        Assert.Equal((name, tag), StaticPodImages.Parse(image));

    [Fact]
    public void Should_MapTagsToTheirBuild_When_ResolvingBinaries_AndNothingElse()
    {
        var root = Directory.CreateTempSubdirectory("stand-in-images-").FullName;
        try
        {
            var etcd = Touch(root, "etcd/etcd");
            var unstamped = Touch(root, "base/kube-apiserver");
            var v133 = Touch(root, "versioned/v1.33.5/kube-apiserver");
            var v134 = Touch(root, "versioned/v1.34.2/kube-scheduler");
            string? Resolve(string? image, string executable) =>
                StaticPodImages.BinaryFor(image, executable, etcd, "v1.20.2", Path.Combine(root, "base"), Path.Combine(root, "versioned"));

            Assert.Equal(etcd, Resolve("registry.k8s.io/etcd:3.6.4-0", "etcd")); // every etcd image: Debian's etcd
            Assert.Equal(etcd, Resolve("registry.k8s.io/etcd:3.5.21-0", "etcd"));
            Assert.Equal(unstamped, Resolve("registry.k8s.io/kube-apiserver:v1.20.2", "kube-apiserver"));
            Assert.Equal(v133, Resolve("example.test/k8s/kube-apiserver:v1.33.5", "kube-apiserver"));
            Assert.Equal(v134, Resolve("registry.k8s.io/kube-scheduler:v1.34.2", "kube-scheduler"));

            Assert.Null(Resolve("registry.k8s.io/kube-apiserver:v1.34.1", "kube-apiserver")); // no such build: cannot be pulled
            Assert.Null(Resolve("registry.k8s.io/kube-apiserver:v1.34.2", "kube-apiserver")); // that build lacks this binary
            Assert.Null(Resolve("registry.k8s.io/kube-apiserver:v1.33.5", "kube-scheduler")); // another image's binary
            Assert.Null(Resolve("registry.k8s.io/kube-apiserver:..", "kube-apiserver"));
            Assert.Null(Resolve("registry.k8s.io/kube-apiserver", "kube-apiserver")); // no tag
            Assert.Null(Resolve(null, "kube-apiserver"));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static string Touch(string root, string relative)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "");
        return path;
    }
}
