using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using k8s.Models;
using Kubeadm.Core.Configuration.Defaulting;
using Kubeadm.Core.Configuration.Serialization;
using Kubeadm.Core.UploadConfig;
using Kubeadm.Core.ClusterApi;

namespace Kubeadm.Core.Tests.UploadConfig;

public sealed class UploadConfigObjectsTests
{
    [Fact]
    public void Should_StoreTheV1beta4ClusterConfiguration_When_CreatingKubeadmConfig()
    {
        var config = ConfigDefaults.CreateDefault();
        ConfigDefaults.Apply(config);

        var configMap = KubeadmConfigMap.Create(config.Cluster);

        Assert.Equal(("kubeadm-config", "kube-system"), (configMap.Metadata.Name, configMap.Metadata.NamespaceProperty));
        var yaml = Assert.Single(configMap.Data, entry => entry.Key == "ClusterConfiguration").Value;
        Assert.Equal(KubeadmConfigEncoder.EncodeClusterConfiguration(config.Cluster), yaml);
        Assert.Contains("apiVersion: kubeadm.k8s.io/v1beta4\n", yaml);
        Assert.Contains("kind: ClusterConfiguration\n", yaml);
    }

    [Fact]
    public void Should_ReplaceOnlyTheClusterConfigurationKey_When_TheConfigMapExists()
    {
        var config = ConfigDefaults.CreateDefault();
        ConfigDefaults.Apply(config);
        var existing = new V1ConfigMap
        {
            Metadata = new V1ObjectMeta { Name = "kubeadm-config", NamespaceProperty = "kube-system", Labels = new Dictionary<string, string> { ["a"] = "b" } },
            Data = new Dictionary<string, string> { ["ClusterConfiguration"] = "old", ["Other"] = "kept" },
        };

        var configMap = KubeadmConfigMap.Create(config.Cluster, existing);

        Assert.Equal("kept", configMap.Data["Other"]);
        Assert.NotEqual("old", configMap.Data["ClusterConfiguration"]);
        Assert.Equal("b", configMap.Metadata.Labels["a"]);
    }

    [Fact]
    public void Should_GrantGetOnKubeadmConfigToTokensAndNodes_When_BuildingRbac()
    {
        AssertReadRole(KubeadmConfigMap.Role(), "kubeadm:nodes-kubeadm-config", "configmaps", "kubeadm-config");
        AssertBinding(KubeadmConfigMap.RoleBinding(), "kubeadm:nodes-kubeadm-config", "system:bootstrappers:kubeadm:default-node-token", "system:nodes");
    }

    [Fact]
    public void Should_GrantGetOnKubeletConfigToNodesAndTokens_When_BuildingRbac()
    {
        AssertReadRole(KubeletConfigMap.Role(), "kubeadm:kubelet-config", "configmaps", "kubelet-config");
        AssertBinding(KubeletConfigMap.RoleBinding(), "kubeadm:kubelet-config", "system:nodes", "system:bootstrappers:kubeadm:default-node-token");
    }

    [Fact]
    public void Should_SignWithSha256OfTheData_When_KubeletConfigIsGenerated()
    {
        const string yaml = "apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\n";

        var configMap = KubeletConfigMap.Create(yaml, userSupplied: false);

        Assert.Equal(("kubelet-config", "kube-system"), (configMap.Metadata.Name, configMap.Metadata.NamespaceProperty));
        Assert.Equal(yaml, Assert.Single(configMap.Data, entry => entry.Key == "kubelet").Value);
        var expected = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(yaml)));
        Assert.Equal(expected, Assert.Single(configMap.Metadata.Annotations, a => a.Key == "kubeadm.kubernetes.io/component-config.hash").Value);
    }

    [Fact]
    public void Should_NotSign_When_KubeletConfigIsUserSupplied()
    {
        var configMap = KubeletConfigMap.Create("kind: KubeletConfiguration\n", userSupplied: true);
        Assert.Null(configMap.Metadata.Annotations);
    }

    [Fact]
    public void Should_HashValuesInKeyOrderThenBinaryData_When_ComputingTheChecksum()
    {
        var configMap = new V1ConfigMap
        {
            Data = new Dictionary<string, string> { ["b"] = "2", ["a"] = "1" },
            BinaryData = new Dictionary<string, byte[]> { ["z"] = [9] },
        };

        var expected = "sha256:" + Convert.ToHexStringLower(SHA256.HashData([(byte)'1', (byte)'2', 9]));
        Assert.Equal(expected, ConfigMapSignature.Checksum(configMap));
    }

    [Fact]
    public void Should_SetOnlyTheCriSocketAnnotation_When_BuildingThePatch()
    {
        var patch = JsonNode.Parse(CriSocketAnnotation.Patch("unix:///var/run/containerd/containerd.sock"))!;
        Assert.Equal(
            """{"metadata":{"annotations":{"kubeadm.alpha.kubernetes.io/cri-socket":"unix:///var/run/containerd/containerd.sock"}}}""",
            patch.ToJsonString());
    }

    private static void AssertReadRole(V1Role role, string name, string resource, string objectName)
    {
        Assert.Equal((name, "kube-system"), (role.Metadata.Name, role.Metadata.NamespaceProperty));
        var rule = Assert.Single(role.Rules);
        Assert.Equal(["get"], rule.Verbs);
        Assert.Equal([""], rule.ApiGroups);
        Assert.Equal([resource], rule.Resources);
        Assert.Equal([objectName], rule.ResourceNames);
    }

    private static void AssertBinding(V1RoleBinding binding, string name, params string[] groups)
    {
        Assert.Equal((name, "kube-system"), (binding.Metadata.Name, binding.Metadata.NamespaceProperty));
        Assert.Equal(("rbac.authorization.k8s.io", "Role", name), (binding.RoleRef.ApiGroup, binding.RoleRef.Kind, binding.RoleRef.Name));
        Assert.Equal(groups, binding.Subjects.Select(s => s.Name));
        Assert.All(binding.Subjects, s => Assert.Equal("Group", s.Kind));
    }
}
