using k8s.Models;
using Kubeadm.App.NodeSetup;
using Kubeadm.Core.ClusterApi;
using Kubeadm.Core.Configuration;
using Kubeadm.Core.Errors;

namespace Kubeadm.App.Tests.NodeSetup;

public sealed class MarkControlPlanePhaseTests
{
    private const string Labels = "\"labels\":{\"node-role.kubernetes.io/control-plane\":\"\",\"node.kubernetes.io/exclude-from-external-load-balancers\":\"\"}";

    [Fact]
    public async Task Should_PrintKubeadmsLinesAndPatchLabelsAndDefaultTaint_When_TheNodeIsRegistered()
    {
        var fixture = new NodeSetupFixture().WithNode();
        fixture.Config.Init.NodeRegistration.Taints = null;

        await MarkControlPlanePhase.RunAsync(fixture.Context(), CancellationToken.None);

        Assert.Equal(
            "[mark-control-plane] Marking the node n1 as control-plane by adding the labels: [node-role.kubernetes.io/control-plane node.kubernetes.io/exclude-from-external-load-balancers]\n" +
            "[mark-control-plane] Marking the node n1 as control-plane by adding the taints [node-role.kubernetes.io/control-plane:NoSchedule]\n",
            fixture.Out.ToString().ReplaceLineEndings("\n"));
        var node = (await fixture.Api.GetAsync<V1Node>("", "n1", CancellationToken.None))!;
        Assert.Equal("", node.Metadata.Labels["node-role.kubernetes.io/control-plane"]);
        Assert.Equal("", node.Metadata.Labels["node.kubernetes.io/exclude-from-external-load-balancers"]);
        var taint = Assert.Single(node.Spec.Taints);
        Assert.Equal(("node-role.kubernetes.io/control-plane", null, "NoSchedule"), (taint.Key, taint.Value, taint.Effect));
    }

    [Fact]
    public void Should_KeepExistingTaintsAfterTheConfiguredOnes_When_ComputingThePatch()
    {
        var node = new V1Node
        {
            Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string> { ["kubernetes.io/hostname"] = "n1" } },
            Spec = new V1NodeSpec
            {
                Taints = [new V1Taint { Key = "node.kubernetes.io/not-ready", Effect = "NoSchedule" }, new V1Taint { Key = "dedicated", Effect = "NoExecute", Value = "db" }],
            },
        };

        var patch = ControlPlaneNodePatch.Create(node, [new Taint("node-role.kubernetes.io/control-plane", "", "NoSchedule"), new Taint("dedicated", "db", "NoExecute")]);

        Assert.Equal(
            "{\"metadata\":{" + Labels + "},\"spec\":{\"taints\":[" +
            "{\"effect\":\"NoSchedule\",\"key\":\"node-role.kubernetes.io/control-plane\"}," +
            "{\"effect\":\"NoExecute\",\"key\":\"dedicated\",\"value\":\"db\"}," +
            "{\"effect\":\"NoSchedule\",\"key\":\"node.kubernetes.io/not-ready\"}]}}",
            patch);
    }

    [Fact]
    public async Task Should_PatchOnlyLabelsAndPrintNoTaintLine_When_TheTaintListIsEmpty()
    {
        var fixture = new NodeSetupFixture().WithNode();
        fixture.Config.Init.NodeRegistration.Taints = [];

        await MarkControlPlanePhase.RunAsync(fixture.Context(), CancellationToken.None);

        Assert.DoesNotContain("taints", fixture.Out.ToString());
        var node = (await fixture.Api.GetAsync<V1Node>("", "n1", CancellationToken.None))!;
        Assert.True(node.Spec?.Taints is null || node.Spec.Taints.Count == 0);
        Assert.Equal("{\"metadata\":{" + Labels + "}}", ControlPlaneNodePatch.Create(new V1Node { Metadata = new V1ObjectMeta() }, []));
    }

    [Fact]
    public async Task Should_SendAnEmptyPatch_When_RunAgainOnAMarkedNode()
    {
        var fixture = new NodeSetupFixture().WithNode();
        await MarkControlPlanePhase.RunAsync(fixture.Context(), CancellationToken.None);
        var marked = (await fixture.Api.GetAsync<V1Node>("", "n1", CancellationToken.None))!;

        await MarkControlPlanePhase.RunAsync(fixture.Context(), CancellationToken.None);

        var again = (await fixture.Api.GetAsync<V1Node>("", "n1", CancellationToken.None))!;
        Assert.Equal("{}", ControlPlaneNodePatch.Create(again, [new Taint("node-role.kubernetes.io/control-plane", "", "NoSchedule")]));
        Assert.Equal(marked.Metadata.Labels, again.Metadata.Labels);
        Assert.Single(again.Spec.Taints);
    }

    [Fact]
    public async Task Should_WaitForTheHostnameLabel_When_TheKubeletHasNotInitialisedTheNodeYet()
    {
        var fixture = new NodeSetupFixture().WithNode(labels: new Dictionary<string, string>());
        var api = new LabelOnSecondReadApi(fixture.Api);
        var marker = new ControlPlaneNodeMarker(api, TimeProvider.System, TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(1));

        await marker.MarkAsync("n1", [], CancellationToken.None);

        Assert.True(api.Reads >= 2);
        Assert.Contains(fixture.Api.Requests, r => r.Verb == "patch");
    }

    [Fact]
    public async Task Should_TimeOutNamingTheNode_When_TheNodeNeverAppears()
    {
        var fixture = new NodeSetupFixture();
        var marker = new ControlPlaneNodeMarker(fixture.Api, TimeProvider.System, TimeSpan.FromMilliseconds(30), TimeSpan.FromMilliseconds(5));

        var error = await Assert.ThrowsAsync<KubeadmUserException>(() => marker.MarkAsync("n1", [], CancellationToken.None));

        Assert.Contains("\"n1\" does not exist yet", error.Message);
        Assert.DoesNotContain(fixture.Api.Requests, r => r.Verb == "patch");
    }

    /// <summary>Adds the hostname label after the first read, as a kubelet finishing registration would.</summary>
    private sealed class LabelOnSecondReadApi(InMemoryClusterApi inner) : IClusterApi
    {
        public int Reads { get; private set; }

        public async Task<T?> GetAsync<T>(string namespaceName, string name, CancellationToken cancellationToken)
            where T : class, k8s.IKubernetesObject<V1ObjectMeta>
        {
            if (++Reads == 2)
            {
                await inner.PatchNodeAsync(name, "{\"metadata\":{\"labels\":{\"kubernetes.io/hostname\":\"n1\"}}}", cancellationToken);
            }

            return await inner.GetAsync<T>(namespaceName, name, cancellationToken);
        }

        public Task<string> GetServerVersionAsync(CancellationToken cancellationToken) => inner.GetServerVersionAsync(cancellationToken);

        public Task<V1Node> PatchNodeAsync(string name, string strategicMergePatch, CancellationToken cancellationToken) =>
            inner.PatchNodeAsync(name, strategicMergePatch, cancellationToken);

        public Task<V1CertificateSigningRequest> ApproveCertificateSigningRequestAsync(
            V1CertificateSigningRequest csr, string reason, string message, CancellationToken cancellationToken) =>
            inner.ApproveCertificateSigningRequestAsync(csr, reason, message, cancellationToken);

        public Task<T> CreateOrUpdateAsync<T>(T item, CancellationToken cancellationToken)
            where T : class, k8s.IKubernetesObject<V1ObjectMeta> => inner.CreateOrUpdateAsync(item, cancellationToken);

        public Task<T> CreateIfMissingAsync<T>(T item, CancellationToken cancellationToken)
            where T : class, k8s.IKubernetesObject<V1ObjectMeta> => inner.CreateIfMissingAsync(item, cancellationToken);

        public Task<IReadOnlyList<T>> ListAsync<T>(string namespaceName, string? fieldSelector, CancellationToken cancellationToken)
            where T : class, k8s.IKubernetesObject<V1ObjectMeta> => inner.ListAsync<T>(namespaceName, fieldSelector, cancellationToken);

        public Task<bool> DeleteAsync<T>(string namespaceName, string name, CancellationToken cancellationToken)
            where T : class, k8s.IKubernetesObject<V1ObjectMeta> => inner.DeleteAsync<T>(namespaceName, name, cancellationToken);
    }
}
