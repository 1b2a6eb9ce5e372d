using k8s.Models;
using Kubeadm.Core.Addons;
using Kubeadm.Core.ClusterApi;
using Kubeadm.Core.Errors;
using Kubeadm.Core.Host;
using Kubeadm.Core.Patches;

namespace Kubeadm.App.Tests.Addons;

public sealed class AddonPhaseTests
{
    private const string System = "kube-system";

    [Fact]
    public async Task Should_CreateObjectsInKubeadmOrder_When_AllAddonsRun()
    {
        var fixture = new AddonPhaseFixture();

        var output = await fixture.RunAsync("all");

        Assert.Equal(
            [
                "create configmaps kube-system/coredns",
                "create clusterroles system:coredns",
                "create clusterrolebindings system:coredns",
                "create serviceaccounts kube-system/coredns",
                "create deployments kube-system/coredns",
                "create services kube-system/kube-dns",
                "create configmaps kube-system/kube-proxy",
                "create daemonsets kube-system/kube-proxy",
                "create serviceaccounts kube-system/kube-proxy",
                "create clusterrolebindings kubeadm:node-proxier",
                "create roles kube-system/kube-proxy",
                "create rolebindings kube-system/kube-proxy",
            ],
            fixture.Writes());
        Assert.Equal("[addons] Applied essential addon: CoreDNS\n[addons] Applied essential addon: kube-proxy\n", output);
    }

    [Fact]
    public async Task Should_UpdateTheSameObjects_When_RunTwice()
    {
        var fixture = new AddonPhaseFixture();
        await fixture.RunAsync("all");
        var firstDeployment = await Get<V1Deployment>(fixture, "coredns");
        var firstConfigMap = await Get<V1ConfigMap>(fixture, "kube-proxy");

        await fixture.RunAsync("all");

        var writes = fixture.Writes();
        Assert.Equal(24, writes.Count);
        Assert.All(writes.Skip(12), write => Assert.StartsWith("update ", write, StringComparison.Ordinal));
        var secondDeployment = await Get<V1Deployment>(fixture, "coredns");
        Assert.Equal(firstDeployment.Metadata.Uid, secondDeployment.Metadata.Uid);
        Assert.Equal(2, secondDeployment.Spec.Replicas);
        Assert.Equal(firstConfigMap.Data, (await Get<V1ConfigMap>(fixture, "kube-proxy")).Data);
    }

    [Fact]
    public async Task Should_KeepReplicaCount_When_CoreDnsDeploymentAlreadyExists()
    {
        var fixture = new AddonPhaseFixture();
        var scaled = CoreDnsDeploymentBuilder.Build(fixture.Config.Cluster, replicas: 5);
        fixture.Cluster.Seed(scaled);

        await fixture.RunAsync("coredns");

        Assert.Equal(5, (await Get<V1Deployment>(fixture, "coredns")).Spec.Replicas);
    }

    [Fact]
    public async Task Should_KeepUserCorefile_When_ExistingCorefileWasEdited()
    {
        var fixture = new AddonPhaseFixture();
        var edited = CoreDnsManifests.ConfigMap(fixture.Config.Cluster);
        edited.Data["Corefile"] = ".:53 {\n    forward . 1.1.1.1\n}\n";
        fixture.Cluster.Seed(edited);

        await fixture.RunAsync("coredns");

        Assert.Equal(".:53 {\n    forward . 1.1.1.1\n}\n", (await Get<V1ConfigMap>(fixture, "coredns")).Data["Corefile"]);
    }

    [Fact]
    public async Task Should_Fail_When_SeveralDnsDeploymentsExist()
    {
        var fixture = new AddonPhaseFixture();
        var first = CoreDnsDeploymentBuilder.Build(fixture.Config.Cluster);
        var second = CoreDnsDeploymentBuilder.Build(fixture.Config.Cluster);
        second.Metadata.Name = "kube-dns";
        fixture.Cluster.Seed(first);
        fixture.Cluster.Seed(second);

        var error = await Assert.ThrowsAsync<KubeadmUserException>(() => fixture.RunAsync("coredns"));

        Assert.Equal("multiple DNS addon deployments found: [coredns kube-dns]", error.Message);
    }

    [Fact]
    public async Task Should_SkipCoreDns_When_DnsIsDisabled()
    {
        var fixture = new AddonPhaseFixture { Config = AddonPhaseFixture.NewConfig(c => c.Cluster.Dns.Disabled = true) };

        var output = await fixture.RunAsync("all");

        Assert.DoesNotContain(fixture.Writes(), write => write.Contains("coredns", StringComparison.Ordinal));
        Assert.Equal("[addons] Applied essential addon: kube-proxy\n", output);
    }

    [Fact]
    public async Task Should_SkipKubeProxy_When_ProxyIsDisabled()
    {
        var fixture = new AddonPhaseFixture { Config = AddonPhaseFixture.NewConfig(c => c.Cluster.Proxy.Disabled = true) };

        var output = await fixture.RunAsync("all");

        Assert.Equal(6, fixture.Writes().Count);
        Assert.Equal("[addons] Applied essential addon: CoreDNS\n", output);
    }

    [Fact]
    public async Task Should_ApplyCoreDnsDeploymentPatches_When_PatchesTargetTheDeployment()
    {
        var files = new InMemoryFileSystem();
        files.WriteAllText(
            "/patches/corednsdeployment+merge.yaml",
            "spec:\n  replicas: 3\n  template:\n    metadata:\n      annotations:\n        example.com/patched: \"yes\"\n",
            FileModes.Private);
        var fixture = new AddonPhaseFixture();
        fixture.Patches = new DirectoryPatchApplier(files, "/patches", fixture.Err);

        await fixture.RunAsync("coredns");

        var deployment = await Get<V1Deployment>(fixture, "coredns");
        Assert.Equal(3, deployment.Spec.Replicas);
        Assert.Equal("yes", deployment.Spec.Template.Metadata.Annotations["example.com/patched"]);
        Assert.Equal("coredns", deployment.Spec.Template.Spec.Containers[0].Name);
    }

    [Fact]
    public async Task Should_PassProxyVariablesToKubeProxy_When_KubeadmRunsBehindAProxy()
    {
        var fixture = new AddonPhaseFixture();
        fixture.Environment["HTTPS_PROXY"] = "http://proxy:3128";
        fixture.Environment["no_proxy"] = "10.0.0.0/8";

        await fixture.RunAsync("kube-proxy");

        var env = (await Get<V1DaemonSet>(fixture, "kube-proxy")).Spec.Template.Spec.Containers[0].Env;
        Assert.Equal(["NODE_NAME", "HTTPS_PROXY", "no_proxy"], env.Select(e => e.Name));
        Assert.Equal("http://proxy:3128", env[1].Value);
    }

    [Fact]
    public async Task Should_WarnOnStderr_When_UserKubeProxyConfigurationDiffersFromRecommendation()
    {
        var fixture = new AddonPhaseFixture
        {
            Config = AddonPhaseFixture.NewConfig(c => c.ComponentConfigs.Add(new(
                KubeProxyConfigurationBuilder.ApiVersion,
                KubeProxyConfigurationBuilder.Kind,
                new System.Text.Json.Nodes.JsonObject { ["bindAddress"] = "10.0.0.1" }))),
        };

        await fixture.RunAsync("kube-proxy");

        Assert.Equal(
            "WARNING: The recommended value for \"bindAddress\" in \"KubeProxyConfiguration\" is: 0.0.0.0; the provided value is: 10.0.0.1\n",
            fixture.Err.ToString());
        Assert.Contains("bindAddress: 10.0.0.1\n", (await Get<V1ConfigMap>(fixture, "kube-proxy")).Data["config.conf"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_PrintEveryObject_When_DryRun()
    {
        var dryRunOutput = new StringWriter();
        var state = new InMemoryClusterApi();
        var fixture = new AddonPhaseFixture(new DryRunClusterApi(state, dryRunOutput));

        await fixture.RunAsync("all");

        var printed = dryRunOutput.ToString();
        Assert.Contains("[dryrun] Would perform action CREATE on resource \"deployments\" in API group \"apps/v1\"", printed, StringComparison.Ordinal);
        Assert.Contains("[dryrun] Would perform action CREATE on resource \"rolebindings\" in API group \"rbac.authorization.k8s.io/v1\"", printed, StringComparison.Ordinal);
        Assert.Contains("  clusterIP: 10.96.0.10\n", printed, StringComparison.Ordinal);
        Assert.NotNull(await state.GetAsync<V1DaemonSet>(System, "kube-proxy", CancellationToken.None));
    }

    private static async Task<T> Get<T>(AddonPhaseFixture fixture, string name)
        where T : class, k8s.IKubernetesObject<V1ObjectMeta> =>
        await fixture.Cluster.GetAsync<T>(System, name, CancellationToken.None) ?? throw new InvalidOperationException($"{name} not found");
}
