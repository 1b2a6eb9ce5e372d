using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using k8s.Models;
using Kubeadm.App.ClusterPhases;
using Kubeadm.App.Tests.Certs;
using Kubeadm.Core.Configuration;
using Kubeadm.Core.Configuration.Serialization;
using Kubeadm.Core.Kubelet;

namespace Kubeadm.App.Tests.ClusterPhases;

public sealed class UploadConfigPhaseTests
{
    [Fact]
    public async Task Should_StoreClusterConfigurationAndItsRbac_When_RunningKubeadmSubPhase()
    {
        var fixture = new ClusterPhasesFixture();

        var output = await fixture.RunAsync(UploadConfigPhase.RunKubeadmAsync);

        Assert.Equal("[upload-config] Storing the configuration used in ConfigMap \"kubeadm-config\" in the \"kube-system\" Namespace\n", output);
        var configMap = await Get<V1ConfigMap>(fixture, "kubeadm-config");
        Assert.Equal(["ClusterConfiguration"], configMap.Data.Keys);
        Assert.Equal(KubeadmConfigEncoder.EncodeClusterConfiguration(fixture.Config.Cluster), configMap.Data["ClusterConfiguration"]);
        var role = await Get<V1Role>(fixture, "kubeadm:nodes-kubeadm-config");
        var rule = Assert.Single(role.Rules);
        Assert.Equal(["get", "", "configmaps", "kubeadm-config"], [.. rule.Verbs, .. rule.ApiGroups, .. rule.Resources, .. rule.ResourceNames]);
        var binding = await Get<V1RoleBinding>(fixture, "kubeadm:nodes-kubeadm-config");
        Assert.Equal(("Role", "kubeadm:nodes-kubeadm-config"), (binding.RoleRef.Kind, binding.RoleRef.Name));
        Assert.Equal(["system:bootstrappers:kubeadm:default-node-token", "system:nodes"], binding.Subjects.Select(s => s.Name));
        Assert.All(binding.Subjects, s => Assert.Equal("Group", s.Kind));
    }

    [Fact]
    public async Task Should_StoreTheGeneratedKubeletConfigurationSigned_When_RunningKubeletSubPhase()
    {
        var fixture = new ClusterPhasesFixture();

        var output = await fixture.RunAsync(UploadConfigPhase.RunKubeletAsync);

        Assert.Equal("[kubelet] Creating a ConfigMap \"kubelet-config\" in namespace kube-system with the configuration for the kubelets in the cluster\n", output);
        var configMap = await Get<V1ConfigMap>(fixture, "kubelet-config");
        var expectedYaml = JsonYamlWriter.Write(KubeletConfigurationBuilder.Build(fixture.Config, systemdResolvedActive: false, _ => { }));
        Assert.Equal(expectedYaml, Assert.Single(configMap.Data, e => e.Key == "kubelet").Value);
        Assert.Equal(
            "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(expectedYaml))),
            configMap.Metadata.Annotations["kubeadm.kubernetes.io/component-config.hash"]);
        var rule = Assert.Single((await Get<V1Role>(fixture, "kubeadm:kubelet-config")).Rules);
        Assert.Equal(["get", "", "configmaps", "kubelet-config"], [.. rule.Verbs, .. rule.ApiGroups, .. rule.Resources, .. rule.ResourceNames]);
        var binding = await Get<V1RoleBinding>(fixture, "kubeadm:kubelet-config");
        Assert.Equal(["system:nodes", "system:bootstrappers:kubeadm:default-node-token"], binding.Subjects.Select(s => s.Name));
    }

    [Fact]
    public async Task Should_NotSignTheConfigMap_When_TheUserGaveAKubeletConfiguration()
    {
        var fixture = new ClusterPhasesFixture
        {
            Config = CertsFixture.NewConfig(c => c.ComponentConfigs.Add(new ComponentConfigDocument(
                "kubelet.config.k8s.io/v1beta1", "KubeletConfiguration", new JsonObject { ["maxPods"] = 50 }))),
        };

        await fixture.RunAsync(UploadConfigPhase.RunKubeletAsync);

        var configMap = await Get<V1ConfigMap>(fixture, "kubelet-config");
        Assert.Null(configMap.Metadata.Annotations);
        Assert.Contains("maxPods: 50\n", configMap.Data["kubelet"]);
    }

    [Fact]
    public async Task Should_NotAnnotateTheNode_When_NodeLocalCriSocketIsOnByDefault()
    {
        var fixture = new ClusterPhasesFixture();

        await fixture.RunAsync(UploadConfigPhase.RunKubeletAsync);

        Assert.DoesNotContain(fixture.Api.Requests, r => r.Verb == "patch");
        var node = await fixture.Api.GetAsync<V1Node>("", "n1", CancellationToken.None);
        Assert.Null(node!.Metadata.Annotations);
    }

    [Fact]
    public async Task Should_AnnotateTheNodeWithTheCriSocket_When_NodeLocalCriSocketIsDisabled()
    {
        var fixture = new ClusterPhasesFixture
        {
            Config = CertsFixture.NewConfig(c =>
            {
                c.Cluster.FeatureGates["NodeLocalCRISocket"] = false;
                c.Init.NodeRegistration.CriSocket = "unix:///var/run/crio/crio.sock";
            }),
        };

        await fixture.RunAsync(UploadConfigPhase.RunKubeletAsync);

        var node = await fixture.Api.GetAsync<V1Node>("", "n1", CancellationToken.None);
        Assert.Equal("unix:///var/run/crio/crio.sock", node!.Metadata.Annotations["kubeadm.alpha.kubernetes.io/cri-socket"]);
    }

    [Fact]
    public async Task Should_FailNamingTheNode_When_TheNodeNeverRegisters()
    {
        var fixture = new ClusterPhasesFixture
        {
            Config = CertsFixture.NewConfig(c =>
            {
                c.Cluster.FeatureGates["NodeLocalCRISocket"] = false;
                c.Init.NodeRegistration.Name = "missing";
            }),
        };

        var error = await Assert.ThrowsAnyAsync<Exception>(() => fixture.RunAsync(UploadConfigPhase.RunKubeletAsync));

        Assert.StartsWith("Error writing Crisocket information for the control-plane node: timed out after 1m0s", error.Message);
        Assert.Contains("\"missing\"", error.Message);
    }

    [Fact]
    public async Task Should_UpdateTheSameObjects_When_RunTwice()
    {
        var fixture = new ClusterPhasesFixture();
        await fixture.RunAsync(UploadConfigPhase.RunKubeadmAsync);
        await fixture.RunAsync(UploadConfigPhase.RunKubeletAsync);
        var first = fixture.Writes();

        await fixture.RunAsync(UploadConfigPhase.RunKubeadmAsync);
        await fixture.RunAsync(UploadConfigPhase.RunKubeletAsync);

        var objects = new[]
        {
            "configmaps kube-system/kubeadm-config", "roles kube-system/kubeadm:nodes-kubeadm-config", "rolebindings kube-system/kubeadm:nodes-kubeadm-config",
            "configmaps kube-system/kubelet-config", "roles kube-system/kubeadm:kubelet-config", "rolebindings kube-system/kubeadm:kubelet-config",
        };
        Assert.Equal(objects.Select(o => "create " + o), first);
        Assert.Equal(objects.Select(o => "update " + o), fixture.Writes().Skip(first.Count));
    }

    [Fact]
    public async Task Should_KeepOtherKeys_When_KubeadmConfigAlreadyHasThem()
    {
        var fixture = new ClusterPhasesFixture();
        fixture.Api.Seed(new V1ConfigMap
        {
            Metadata = new V1ObjectMeta { Name = "kubeadm-config", NamespaceProperty = "kube-system" },
            Data = new Dictionary<string, string> { ["ClusterConfiguration"] = "old", ["Extra"] = "kept" },
        });

        await fixture.RunAsync(UploadConfigPhase.RunKubeadmAsync);

        var configMap = await Get<V1ConfigMap>(fixture, "kubeadm-config");
        Assert.Equal("kept", configMap.Data["Extra"]);
        Assert.Contains("kind: ClusterConfiguration", configMap.Data["ClusterConfiguration"]);
    }

    [Fact]
    public async Task Should_PrintEachActionAndCreateNothing_When_DryRunning()
    {
        var fixture = new ClusterPhasesFixture { Config = CertsFixture.NewConfig(c => c.Init.DryRun = true) };

        var output = await fixture.RunAsync(UploadConfigPhase.RunKubeadmAsync);

        Assert.Contains("[dryrun] Would perform action CREATE on resource \"configmaps\" in API group \"core/v1\"", output);
        Assert.Contains("[dryrun] Would perform action CREATE on resource \"roles\" in API group \"rbac.authorization.k8s.io/v1\"", output);
        Assert.Contains("[dryrun] Would perform action CREATE on resource \"rolebindings\" in API group \"rbac.authorization.k8s.io/v1\"", output);
        Assert.Contains("name: kubeadm-config", output);
        Assert.Empty(fixture.Writes());
    }

    private static async Task<T> Get<T>(ClusterPhasesFixture fixture, string name)
        where T : class, k8s.IKubernetesObject<V1ObjectMeta> =>
        await fixture.Api.GetAsync<T>("kube-system", name, CancellationToken.None)
        ?? throw new InvalidOperationException($"{typeof(T).Name} {name} was not created");
}
