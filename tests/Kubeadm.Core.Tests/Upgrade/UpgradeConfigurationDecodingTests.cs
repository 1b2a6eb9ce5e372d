using Kubeadm.Core.Configuration.Serialization;
using Kubeadm.Core.Errors;

namespace Kubeadm.Core.Tests.Upgrade;

public sealed class UpgradeConfigurationDecodingTests
{
    [Fact]
    public void The_apply_and_node_sections_and_the_timeouts_are_read()
    {
        const string text = """
            apiVersion: kubeadm.k8s.io/v1beta4
            kind: UpgradeConfiguration
            apply:
              kubernetesVersion: v1.34.2
              etcdUpgrade: false
              forceUpgrade: true
              ignorePreflightErrors: [CreateJob]
              skipPhases: [addon/kube-proxy]
              patches:
                directory: /tmp/patches
            node:
              certificateRenewal: false
            timeouts:
              upgradeManifests: 90s
            ---
            apiVersion: kubeadm.k8s.io/v1beta4
            kind: ClusterConfiguration
            """;

        var config = KubeadmConfigDecoder.DecodeUpgrade(text, "upgrade.yaml");

        Assert.Equal("v1.34.2", config.Apply.KubernetesVersion);
        Assert.False(config.Apply.EtcdUpgrade);
        Assert.True(config.Apply.ForceUpgrade);
        Assert.Null(config.Apply.DryRun);
        Assert.Equal(["CreateJob"], config.Apply.IgnorePreflightErrors);
        Assert.Equal(["addon/kube-proxy"], config.Apply.SkipPhases);
        Assert.Equal("/tmp/patches", config.Apply.Patches!.Directory);
        Assert.False(config.Node.CertificateRenewal);
        Assert.Equal(TimeSpan.FromSeconds(90), config.Timeouts.UpgradeManifests);
    }

    [Fact]
    public void Unknown_fields_bad_timeouts_and_a_missing_document_are_errors()
    {
        var unknown = Assert.Throws<ValidationException>(() => KubeadmConfigDecoder.DecodeUpgrade(
            "apiVersion: kubeadm.k8s.io/v1beta4\nkind: UpgradeConfiguration\napply:\n  etcdUpgrad: false\n", "u.yaml"));
        Assert.Contains("etcdUpgrad", unknown.Message, StringComparison.Ordinal);

        var negative = Assert.Throws<ValidationException>(() => KubeadmConfigDecoder.DecodeUpgrade(
            "apiVersion: kubeadm.k8s.io/v1beta4\nkind: UpgradeConfiguration\ntimeouts:\n  upgradeManifests: 0s\n", "u.yaml"));
        Assert.Contains("timeouts.upgradeManifests", negative.Message, StringComparison.Ordinal);

        var missing = Assert.Throws<ValidationException>(() => KubeadmConfigDecoder.DecodeUpgrade(
            "apiVersion: kubeadm.k8s.io/v1beta4\nkind: ClusterConfiguration\n", "u.yaml"));
        Assert.Contains("no UpgradeConfiguration document", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_image_pull_fields_of_apply_and_node_are_read_apart_and_left_unset_when_absent()
    {
        var config = KubeadmConfigDecoder.DecodeUpgrade(
            "apiVersion: kubeadm.k8s.io/v1beta4\nkind: UpgradeConfiguration\n"
            + "apply:\n  imagePullSerial: false\n  imagePullPolicy: Never\nnode:\n  imagePullSerial: true\n",
            "u.yaml");
        var empty = KubeadmConfigDecoder.DecodeUpgrade("apiVersion: kubeadm.k8s.io/v1beta4\nkind: UpgradeConfiguration\n", "u.yaml");

        Assert.False(config.Apply.ImagePullSerial);
        Assert.Equal("Never", config.Apply.ImagePullPolicy);
        Assert.True(config.Node.ImagePullSerial);
        Assert.Equal("", config.Node.ImagePullPolicy);
        Assert.Null(empty.Apply.ImagePullSerial);
        Assert.Null(empty.Node.ImagePullSerial);
    }

    [Fact]
    public void An_image_pull_serial_that_is_not_a_boolean_is_an_error_naming_the_field()
    {
        var error = Assert.Throws<ValidationException>(() => KubeadmConfigDecoder.DecodeUpgrade(
            "apiVersion: kubeadm.k8s.io/v1beta4\nkind: UpgradeConfiguration\nnode:\n  imagePullSerial: sometimes\n", "u.yaml"));

        Assert.Contains("node.imagePullSerial", error.Message, StringComparison.Ordinal);
        Assert.Contains("sometimes", error.Message, StringComparison.Ordinal);
    }
}
