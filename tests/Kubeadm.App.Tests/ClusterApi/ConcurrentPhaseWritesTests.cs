using Kubeadm.App.NodeSetup;
using Kubeadm.App.Tests.Addons;
using Kubeadm.App.Tests.NodeSetup;

namespace Kubeadm.App.Tests.ClusterApi;

/// <summary>
/// The later phases issue their independent writes at the same time (<see cref="Kubeadm.Core.ClusterApi.ApiWriteSteps"/>)
/// and still print exactly what a one-by-one run prints, and store the same objects.
/// </summary>
public sealed class ConcurrentPhaseWritesTests
{
    [Fact]
    public async Task Should_IssueAllNineWritesAtOnceAndPrintTheSameLines_When_BootstrapTokenRuns()
    {
        var oneByOne = new NodeSetupFixture().WithAdminConf();
        await BootstrapTokenPhase.RunAsync(oneByOne.Context(), CancellationToken.None);
        var concurrent = new NodeSetupFixture().WithAdminConf();
        // token Secret, 2 for get-nodes, CSR posting, auto-approve, rotation, cluster-info ConfigMap + Role + RoleBinding
        var probe = new OverlapProbeClusterApi(concurrent.Api, expected: 9);

        await BootstrapTokenPhase.RunAsync(concurrent.Context(probe), CancellationToken.None);

        Assert.Equal(9, probe.MaxInFlight);
        Assert.Equal(oneByOne.Out.ToString(), concurrent.Out.ToString());
        Assert.Equal(Stored(oneByOne.Api), Stored(concurrent.Api));
    }

    [Fact]
    public async Task Should_IssueEveryAddonObjectAtOnceButTheDeploymentAfterItsServiceAccount_When_AddonsRun()
    {
        var oneByOne = new AddonPhaseFixture();
        var expectedOutput = await oneByOne.RunAsync("all");
        var coreDns = new AddonPhaseFixture();
        // ConfigMap, ClusterRole, ClusterRoleBinding, ServiceAccount (then the Deployment), Service
        var coreDnsProbe = new OverlapProbeClusterApi(coreDns.Cluster, expected: 5);
        coreDns.Api = coreDnsProbe;
        var kubeProxy = new AddonPhaseFixture();
        var kubeProxyProbe = new OverlapProbeClusterApi(kubeProxy.Cluster, expected: 6);
        kubeProxy.Api = kubeProxyProbe;

        var output = await coreDns.RunAsync("coredns") + await kubeProxy.RunAsync("kube-proxy");

        Assert.Equal(5, coreDnsProbe.MaxInFlight);
        Assert.Equal(6, kubeProxyProbe.MaxInFlight);
        Assert.Equal(expectedOutput, output);
        Assert.Equal(oneByOne.Writes().Order(StringComparer.Ordinal), coreDns.Writes().Concat(kubeProxy.Writes()).Order(StringComparer.Ordinal));
        var writes = coreDns.Writes().ToList();
        Assert.True(
            writes.IndexOf("create serviceaccounts kube-system/coredns") < writes.IndexOf("create deployments kube-system/coredns"),
            string.Join('\n', writes));
    }

    private static string[] Stored(Kubeadm.Core.ClusterApi.InMemoryClusterApi api) =>
        [.. api.Requests.Where(r => r.Verb is "create" or "update").Select(r => $"{r.Verb} {r.Resource} {r.Namespace}/{r.Name}").Order(StringComparer.Ordinal)];
}
