using System.Text.Json.Nodes;
using Kubeadm.Core.Configuration;
using Kubeadm.Core.Configuration.Defaulting;
using Kubeadm.Core.Configuration.Serialization;

namespace Kubeadm.Core.Tests.Configuration;

public sealed class ConfigEncoderTests
{
    private const string DefaultsGolden = """
        apiVersion: kubeadm.k8s.io/v1beta4
        bootstrapTokens:
        - groups:
          - system:bootstrappers:kubeadm:default-node-token
          ttl: 24h0m0s
          usages:
          - signing
          - authentication
        kind: InitConfiguration
        localAPIEndpoint:
          bindPort: 6443
        nodeRegistration:
          imagePullPolicy: IfNotPresent
          imagePullSerial: true
          taints: null
        timeouts:
          controlPlaneComponentHealthCheck: 4m0s
          discovery: 5m0s
          etcdAPICall: 2m0s
          kubeletHealthCheck: 4m0s
          kubernetesAPICall: 1m0s
          tlsBootstrap: 5m0s
          upgradeManifests: 5m0s
        ---
        apiServer: {}
        apiVersion: kubeadm.k8s.io/v1beta4
        caCertificateValidityPeriod: 87600h0m0s
        certificateValidityPeriod: 8760h0m0s
        certificatesDir: /etc/kubernetes/pki
        clusterName: kubernetes
        controllerManager: {}
        dns: {}
        encryptionAlgorithm: RSA-2048
        etcd:
          local:
            dataDir: /var/lib/etcd
        imageRepository: registry.k8s.io
        kind: ClusterConfiguration
        kubernetesVersion: stable-1
        networking:
          dnsDomain: cluster.local
          serviceSubnet: 10.96.0.0/12
        proxy: {}
        scheduler: {}

        """;

    [Fact]
    public void Should_WriteKubeadmShape_When_EncodingDefaults() =>
        Assert.Equal(DefaultsGolden, KubeadmConfigEncoder.Encode(ConfigDefaults.CreateDefault()));

    [Fact]
    public void Should_WriteOnlyClusterDocument_When_InitExcluded()
    {
        var yaml = KubeadmConfigEncoder.Encode(ConfigDefaults.CreateDefault(), includeInit: false);

        Assert.StartsWith("apiServer: {}\n", yaml);
        Assert.DoesNotContain("---", yaml);
    }

    [Theory]
    [InlineData("true", "v: \"true\"\n")]
    [InlineData("10", "v: \"10\"\n")]
    [InlineData("", "v: \"\"\n")]
    [InlineData("null", "v: \"null\"\n")]
    [InlineData("yes", "v: \"yes\"\n")]
    [InlineData("1.5", "v: \"1.5\"\n")]
    [InlineData("plain text", "v: plain text\n")]
    [InlineData("unix:///var/run/crio/crio.sock", "v: unix:///var/run/crio/crio.sock\n")]
    public void Should_QuoteString_When_ItWouldReadAsAnotherType(string value, string expected) =>
        Assert.Equal(expected, JsonYamlWriter.Write(new JsonObject { ["v"] = value }));

    [Fact]
    public void Should_WriteNonEmptyFields_When_ConfigIsCustomised()
    {
        var config = ConfigDefaults.CreateDefault();
        config.Init.NodeRegistration.Taints = [];
        config.Cluster.ApiServer.ExtraArgs = [new Arg("v", "2")];
        config.Cluster.ApiServer.ExtraVolumes = [new HostPathMount("audit", "/var/log/audit", "/audit", true, "DirectoryOrCreate")];
        config.Cluster.Etcd = new global::Kubeadm.Core.Configuration.Etcd { External = new ExternalEtcd { Endpoints = ["https://e:2379"] } };
        config.Cluster.FeatureGates["EtcdLearnerMode"] = false;

        var cluster = KubeadmConfigEncoder.EncodeClusterConfiguration(config.Cluster);
        var init = KubeadmConfigEncoder.Encode(config, includeCluster: false);

        Assert.Contains("  taints: []\n", init);
        Assert.Contains("apiServer:\n  extraArgs:\n  - name: v\n    value: \"2\"\n  extraVolumes:\n  - hostPath: /var/log/audit\n    mountPath: /audit\n    name: audit\n    pathType: DirectoryOrCreate\n    readOnly: true\n", cluster);
        Assert.Contains("etcd:\n  external:\n    caFile: \"\"\n    certFile: \"\"\n    endpoints:\n    - https://e:2379\n    keyFile: \"\"\n", cluster);
        Assert.Contains("featureGates:\n  EtcdLearnerMode: false\n", cluster);
    }
}
