using Kubeadm.Core.Configuration.Serialization;

namespace Kubeadm.Core.Tests.Configuration;

public sealed class ConfigDecoderV1Beta3Tests
{
    private const string V1Beta3Document = """
        apiVersion: kubeadm.k8s.io/v1beta3
        kind: InitConfiguration
        nodeRegistration:
          name: cp-1
          kubeletExtraArgs:
            v: "4"
            cgroup-driver: systemd
        localAPIEndpoint:
          advertiseAddress: 10.0.0.5
        ---
        apiVersion: kubeadm.k8s.io/v1beta3
        kind: ClusterConfiguration
        etcd:
          local:
            extraArgs:
              quota-backend-bytes: "8589934592"
              auto-compaction-retention: "8"
        apiServer:
          timeoutForControlPlane: 8m0s
          extraArgs:
            profiling: "false"
            audit-log-path: /var/log/audit.log
        featureGates:
          PublicKeysECDSA: true
          EtcdLearnerMode: true
        """;

    [Fact]
    public void Should_ConvertMapArgsToSortedLists_When_DocumentIsV1Beta3()
    {
        var decoded = KubeadmConfigDecoder.Decode(V1Beta3Document, "old.yaml");
        var config = decoded.Config;

        Assert.Equal("kubeadm.k8s.io/v1beta3", decoded.InitApiVersion);
        Assert.Equal([new("cgroup-driver", "systemd"), new("v", "4")], config.Init.NodeRegistration.KubeletExtraArgs);
        Assert.Equal([new("auto-compaction-retention", "8"), new("quota-backend-bytes", "8589934592")], config.Cluster.Etcd.Local!.ExtraArgs);
        Assert.Equal([new("audit-log-path", "/var/log/audit.log"), new("profiling", "false")], config.Cluster.ApiServer.ExtraArgs);
    }

    [Fact]
    public void Should_MoveTimeoutForControlPlane_When_DocumentIsV1Beta3()
    {
        var config = KubeadmConfigDecoder.Decode(V1Beta3Document, "old.yaml").Config;

        Assert.Equal(TimeSpan.FromMinutes(8), config.Init.Timeouts.ControlPlaneComponentHealthCheck);
    }

    [Fact]
    public void Should_TurnPublicKeysEcdsaIntoEncryptionAlgorithm_When_DocumentIsV1Beta3()
    {
        var cluster = KubeadmConfigDecoder.Decode(V1Beta3Document, "old.yaml").Config.Cluster;

        Assert.Equal("ECDSA-P256", cluster.EncryptionAlgorithm);
        Assert.Equal(new Dictionary<string, bool> { ["EtcdLearnerMode"] = true }, cluster.FeatureGates);
    }

    [Fact]
    public void Should_WarnAboutDeprecatedVersion_When_DocumentIsV1Beta3()
    {
        var decoded = KubeadmConfigDecoder.Decode(V1Beta3Document, "old.yaml");

        Assert.Equal(2, decoded.Warnings.Count);
        Assert.StartsWith("old.yaml: document 1 (InitConfiguration): your configuration file uses a deprecated API spec: \"kubeadm.k8s.io/v1beta3\"", decoded.Warnings[0]);
    }

    [Theory]
    [InlineData("InitConfiguration", "dryRun: true", 3, 1, "dryRun")]
    [InlineData("InitConfiguration", "timeouts: {}", 3, 1, "timeouts")]
    [InlineData("InitConfiguration", "nodeRegistration: {imagePullSerial: true}", 3, 20, "nodeRegistration.imagePullSerial")]
    [InlineData("ClusterConfiguration", "proxy: {}", 3, 1, "proxy")]
    [InlineData("ClusterConfiguration", "encryptionAlgorithm: RSA-2048", 3, 1, "encryptionAlgorithm")]
    [InlineData("ClusterConfiguration", "dns: {disabled: true}", 3, 7, "dns.disabled")]
    [InlineData("ClusterConfiguration", "apiServer: {extraEnvs: []}", 3, 13, "apiServer.extraEnvs")]
    public void Should_RejectV1Beta4OnlyField_When_DocumentIsV1Beta3(string kind, string line, int row, int column, string path)
    {
        var yaml = $"apiVersion: kubeadm.k8s.io/v1beta3\nkind: {kind}\n{line}\n";

        var error = Assert.Single(Assert.Throws<Kubeadm.Core.Errors.ValidationException>(() => KubeadmConfigDecoder.Decode(yaml, "c.yaml")).Errors);

        Assert.Equal($"c.yaml: document 1 ({kind}), line {row}, column {column}: {path}: unknown field \"{path.Split('.')[^1]}\"", error);
    }

    [Fact]
    public void Should_RejectV1Beta3OnlyField_When_DocumentIsV1Beta4()
    {
        const string yaml = "apiVersion: kubeadm.k8s.io/v1beta4\nkind: ClusterConfiguration\napiServer:\n  timeoutForControlPlane: 4m\n";

        var error = Assert.Single(Assert.Throws<Kubeadm.Core.Errors.ValidationException>(() => KubeadmConfigDecoder.Decode(yaml, "c.yaml")).Errors);

        Assert.Equal("c.yaml: document 1 (ClusterConfiguration), line 4, column 3: apiServer.timeoutForControlPlane: unknown field \"timeoutForControlPlane\"", error);
    }
}
