using Kubeadm.Core.Configuration.Serialization;

namespace Kubeadm.Core.Tests.Configuration;

public sealed class ConfigDecoderDocumentsTests
{
    [Fact]
    public void Should_KeepComponentConfigs_When_FileHasSeveralDocuments()
    {
        const string yaml = """
            apiVersion: kubeadm.k8s.io/v1beta4
            kind: ClusterConfiguration
            ---
            apiVersion: kubelet.config.k8s.io/v1beta1
            kind: KubeletConfiguration
            cgroupDriver: systemd
            maxPods: 200
            serializeImagePulls: false
            staticPodPath: null
            address: "0"
            evictionHard:
              memory.available: 100Mi
            ---
            apiVersion: kubeproxy.config.k8s.io/v1alpha1
            kind: KubeProxyConfiguration
            mode: ipvs
            """;

        var decoded = KubeadmConfigDecoder.Decode(yaml, "multi.yaml");

        Assert.False(decoded.HasInitConfiguration);
        Assert.True(decoded.HasClusterConfiguration);
        Assert.Equal(2, decoded.Config.ComponentConfigs.Count);
        var kubelet = decoded.Config.ComponentConfigs[0];
        Assert.Equal(("kubelet.config.k8s.io/v1beta1", "KubeletConfiguration"), (kubelet.ApiVersion, kubelet.Kind));
        Assert.Equal(
            """{"apiVersion":"kubelet.config.k8s.io/v1beta1","kind":"KubeletConfiguration","cgroupDriver":"systemd","maxPods":200,"serializeImagePulls":false,"staticPodPath":null,"address":"0","evictionHard":{"memory.available":"100Mi"}}""",
            kubelet.Content.ToJsonString());
        Assert.Equal("ipvs", decoded.Config.ComponentConfigs[1].Content["mode"]!.GetValue<string>());
    }

    [Fact]
    public void Should_Decode_When_FileIsASingleJsonObject()
    {
        const string json = """
            {
              "apiVersion": "kubeadm.k8s.io/v1beta4",
              "kind": "InitConfiguration",
              "localAPIEndpoint": {"advertiseAddress": "10.1.2.3", "bindPort": 6444},
              "nodeRegistration": {"taints": [], "imagePullSerial": false}
            }
            """;

        var decoded = KubeadmConfigDecoder.Decode(json, "init.json");

        Assert.Equal(("10.1.2.3", 6444), (decoded.Config.Init.LocalApiEndpoint.AdvertiseAddress, decoded.Config.Init.LocalApiEndpoint.BindPort));
        Assert.Empty(decoded.Config.Init.NodeRegistration.Taints!);
        Assert.False(decoded.Config.Init.NodeRegistration.ImagePullSerial);
    }

    [Fact]
    public void Should_ReportJsonPosition_When_JsonHasWrongType()
    {
        const string json = "{\"apiVersion\": \"kubeadm.k8s.io/v1beta4\", \"kind\": \"InitConfiguration\",\n \"localAPIEndpoint\": {\"bindPort\": \"6443\"}}";

        var error = Assert.Single(Assert.Throws<Kubeadm.Core.Errors.ValidationException>(() => KubeadmConfigDecoder.Decode(json, "init.json")).Errors);

        Assert.Equal("init.json: document 1 (InitConfiguration), line 2, column 35: localAPIEndpoint.bindPort: expected an integer, got a string (\"6443\")", error);
    }

    [Theory]
    [InlineData("JoinConfiguration", "v1beta4", "JoinConfiguration is not used by \"kubeadm init\"; ignoring it")]
    [InlineData("ResetConfiguration", "v1beta4", "ResetConfiguration is not used by \"kubeadm init\"; ignoring it")]
    [InlineData("Widget", "v1", "unknown configuration GroupVersionKind {apiVersion: \"example.com/v1\", kind: \"Widget\"}; ignoring it")]
    public void Should_WarnAndIgnore_When_DocumentIsNotForInit(string kind, string version, string warning)
    {
        var group = kind == "Widget" ? "example.com" : "kubeadm.k8s.io";
        var yaml = $"apiVersion: kubeadm.k8s.io/v1beta4\nkind: InitConfiguration\n---\napiVersion: {group}/{version}\nkind: {kind}\nanything: goes\n";

        var decoded = KubeadmConfigDecoder.Decode(yaml, "f.yaml");

        Assert.Equal([$"f.yaml: document 2 ({kind}): {warning}"], decoded.Warnings);
        Assert.True(decoded.HasInitConfiguration);
    }

    [Fact]
    public void Should_SkipEmptyDocuments_When_FileHasStraySeparators()
    {
        const string yaml = "---\napiVersion: kubeadm.k8s.io/v1beta4\nkind: InitConfiguration\n---\n---\n";

        Assert.True(KubeadmConfigDecoder.Decode(yaml, "f.yaml").HasInitConfiguration);
    }
}
