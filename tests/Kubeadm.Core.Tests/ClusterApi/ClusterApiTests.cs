using k8s.Models;
using Kubeadm.Core.ClusterApi;

namespace Kubeadm.Core.Tests.ClusterApi;

public sealed class ClusterApiTests
{
    private static V1ConfigMap ConfigMap(string value) => new()
    {
        Metadata = new V1ObjectMeta { Name = "kubeadm-config", NamespaceProperty = "kube-system" },
        Data = new Dictionary<string, string> { ["ClusterConfiguration"] = value },
    };

    [Fact]
    public async Task Should_CreateThenUpdateInPlace_When_CreateOrUpdateRunsTwice()
    {
        var cluster = new InMemoryClusterApi();

        var first = await cluster.CreateOrUpdateAsync(ConfigMap("a"), CancellationToken.None);
        var second = await cluster.CreateOrUpdateAsync(ConfigMap("b"), CancellationToken.None);

        Assert.Equal(first.Metadata.Uid, second.Metadata.Uid);
        Assert.Equal("b", (await cluster.GetAsync<V1ConfigMap>("kube-system", "kubeadm-config", CancellationToken.None))!.Data["ClusterConfiguration"]);
        Assert.Equal(["create", "update", "get"], cluster.Requests.Select(r => r.Verb));
        Assert.Equal("v1", second.ApiVersion);
        Assert.Equal("ConfigMap", second.Kind);
    }

    [Fact]
    public async Task Should_KeepTheExistingObject_When_CreateIfMissingFindsOne()
    {
        var cluster = new InMemoryClusterApi();
        await cluster.CreateOrUpdateAsync(ConfigMap("a"), CancellationToken.None);

        var kept = await cluster.CreateIfMissingAsync(ConfigMap("b"), CancellationToken.None);

        Assert.Equal("a", kept.Data["ClusterConfiguration"]);
    }

    [Fact]
    public async Task Should_MergeLabelsAndReplaceTaints_When_ANodeIsPatched()
    {
        var cluster = new InMemoryClusterApi();
        cluster.Seed(new V1Node
        {
            Metadata = new V1ObjectMeta { Name = "n1", Labels = new Dictionary<string, string> { ["kubernetes.io/hostname"] = "n1" } },
            Spec = new V1NodeSpec { Taints = [new V1Taint { Effect = "NoExecute", Key = "old" }] },
        });

        var node = await cluster.PatchNodeAsync(
            "n1",
            """{"metadata":{"labels":{"node-role.kubernetes.io/control-plane":""}},"spec":{"taints":[{"key":"node-role.kubernetes.io/control-plane","effect":"NoSchedule"}]}}""",
            CancellationToken.None);

        Assert.Equal("n1", node.Metadata.Labels["kubernetes.io/hostname"]);
        Assert.Equal("", node.Metadata.Labels["node-role.kubernetes.io/control-plane"]);
        Assert.Equal("node-role.kubernetes.io/control-plane", Assert.Single(node.Spec.Taints).Key);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(409)]
    [InlineData(429)]
    [InlineData(503)]
    public async Task Should_RetryUntilSuccess_When_TheErrorIsTransient(int status)
    {
        var flaky = new FlakyClusterApi(failures: 3, status);
        var api = new RetryingClusterApi(flaky, TimeSpan.FromMinutes(1), new ManualClock());

        await api.CreateOrUpdateAsync(ConfigMap("a"), CancellationToken.None);

        Assert.Equal(4, flaky.Calls);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(403)]
    [InlineData(422)]
    public async Task Should_FailAtOnce_When_TheErrorIsNotTransient(int status)
    {
        var flaky = new FlakyClusterApi(failures: 1, status);
        var api = new RetryingClusterApi(flaky, TimeSpan.FromMinutes(1), new ManualClock());

        var error = await Assert.ThrowsAsync<ClusterApiException>(() => api.CreateOrUpdateAsync(ConfigMap("a"), CancellationToken.None));

        Assert.Equal(status, error.StatusCode);
        Assert.Equal(1, flaky.Calls);
    }

    [Fact]
    public async Task Should_SayWhatItWasDoing_When_RetriesRunOutOfTime()
    {
        var flaky = new FlakyClusterApi(failures: int.MaxValue, 0);
        var api = new RetryingClusterApi(flaky, TimeSpan.FromSeconds(5), new ManualClock());

        var error = await Assert.ThrowsAsync<ClusterApiException>(() => api.CreateOrUpdateAsync(ConfigMap("a"), CancellationToken.None));

        Assert.Equal("timed out after 5s trying to create or update configmaps \"kube-system/kubeadm-config\"; last error: simulated failure 0", error.Message);
        Assert.Equal(11, flaky.Calls); // t = 0, 0.5 … 5.0 s
    }

    [Fact]
    public async Task Should_PrintActionAndObjectButNotSecretValues_When_DryRunCreates()
    {
        var output = new StringWriter();
        var api = new DryRunClusterApi(new InMemoryClusterApi(), output);

        await api.CreateOrUpdateAsync(ConfigMap("a"), CancellationToken.None);
        await api.CreateOrUpdateAsync(
            new V1Secret
            {
                Metadata = new V1ObjectMeta { Name = "bootstrap-token-abcdef", NamespaceProperty = "kube-system" },
                Data = new Dictionary<string, byte[]> { ["token-secret"] = "0123456789abcdef"u8.ToArray() },
            },
            CancellationToken.None);

        var text = output.ToString();
        Assert.Contains("[dryrun] Would perform action CREATE on resource \"configmaps\" in API group \"core/v1\"\n[dryrun] Attached object:\n", text);
        Assert.Contains("  name: kubeadm-config\n", text);
        Assert.Contains("token-secret:", text);
        Assert.DoesNotContain(Convert.ToBase64String("0123456789abcdef"u8.ToArray()), text);
        Assert.NotNull(await api.GetAsync<V1ConfigMap>("kube-system", "kubeadm-config", CancellationToken.None));
    }

    [Fact]
    public async Task Should_PrintReadsDeletesAndPatchesLikeKubeadmsDryRunClient_When_DryRunReads()
    {
        var output = new StringWriter();
        var api = new DryRunClusterApi(new InMemoryClusterApi(), output);
        await api.CreateOrUpdateAsync(new V1Node { Metadata = new V1ObjectMeta { Name = "cp-1" } }, CancellationToken.None);
        output.GetStringBuilder().Clear();

        await api.GetAsync<V1ConfigMap>("kube-system", "kubeadm-config", CancellationToken.None);
        await api.ListAsync<V1Node>("", null, CancellationToken.None);
        await api.DeleteAsync<V1Secret>("kube-system", "bootstrap-token-abcdef", CancellationToken.None);
        await api.PatchNodeAsync("cp-1", "{}", CancellationToken.None);

        Assert.Equal(
            "[dryrun] Would perform action GET on resource \"configmaps\" in API group \"core/v1\"\n"
            + "[dryrun] Resource name \"kubeadm-config\", namespace \"kube-system\"\n"
            + "[dryrun] Would perform action LIST on resource \"nodes\" in API group \"core/v1\"\n"
            + "[dryrun] Would perform action DELETE on resource \"secrets\" in API group \"core/v1\"\n"
            + "[dryrun] Resource name \"bootstrap-token-abcdef\", namespace \"kube-system\"\n"
            + "[dryrun] Would perform action PATCH on resource \"nodes\" in API group \"core/v1\"\n"
            + "[dryrun] Resource name \"cp-1\", namespace \"\"\n"
            + "[dryrun] Attached patch:\n\t{}\n",
            output.ToString());
    }
}
