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
}
