using Kubeadm.Core.Configuration;
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
    public void Mistyped_fields_of_the_apply_and_node_sections_are_errors_at_their_positions()
    {
        // The order of several errors in one section follows the decoder's reading order; each error's text is what counts.
        const string text = """
            apiVersion: kubeadm.k8s.io/v1beta4
            kind: UpgradeConfiguration
            apply:
              kubernetesVersion: [v1]
              certificateRenewal: maybe
              forceUpgrade: 3
              ignorePreflightErrors: all
              patches:
                directory: [a]
              printConfig: x
              skipPhases: preflight
              imagePullSerial: no-way
            node:
              dryRun: maybe
              etcdUpgrade: [true]
              patches: /tmp
              imagePullPolicy: [Always]
              imagePullSerial: 2
              forceUpgrade: true
            """;

        var error = Assert.Throws<ValidationException>(() => KubeadmConfigDecoder.DecodeUpgrade(text, "u.yaml"));

        string[] expected =
        [
            "line 4, column 22: apply.kubernetesVersion: expected a string, got a list",
            "line 5, column 23: apply.certificateRenewal: expected a boolean, got a string (\"maybe\")",
            "line 6, column 17: apply.forceUpgrade: expected a boolean, got an integer (3)",
            "line 7, column 26: apply.ignorePreflightErrors: expected a list, got a string (\"all\")",
            "line 9, column 16: apply.patches.directory: expected a string, got a list",
            "line 10, column 16: apply.printConfig: expected a boolean, got a string (\"x\")",
            "line 11, column 15: apply.skipPhases: expected a list, got a string (\"preflight\")",
            "line 12, column 20: apply.imagePullSerial: expected a boolean, got a string (\"no-way\")",
            "line 14, column 11: node.dryRun: expected a boolean, got a string (\"maybe\")",
            "line 15, column 16: node.etcdUpgrade: expected a boolean, got a list",
            "line 16, column 12: node.patches: expected a mapping, got a string (\"/tmp\")",
            "line 17, column 20: node.imagePullPolicy: expected a string, got a list",
            "line 18, column 20: node.imagePullSerial: expected a boolean, got an integer (2)",
            "line 19, column 3: node.forceUpgrade: unknown field \"forceUpgrade\"",
        ];
        Assert.Equal(expected.Order(StringComparer.Ordinal), error.Errors.Select(e => e.Replace("u.yaml: document 1 (UpgradeConfiguration), ", "", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("apply")]
    [InlineData("node")]
    public void The_fields_apply_and_node_share_are_read_in_either_section(string section)
    {
        var text = "apiVersion: kubeadm.k8s.io/v1beta4\nkind: UpgradeConfiguration\n" + section + ":\n"
            + "  certificateRenewal: false\n  dryRun: true\n  etcdUpgrade: false\n  ignorePreflightErrors: [Swap]\n"
            + "  patches:\n    directory: /p\n  skipPhases: [preflight]\n  imagePullPolicy: Never\n  imagePullSerial: false\n";

        var config = KubeadmConfigDecoder.DecodeUpgrade(text, "u.yaml");

        UpgradeNodeSettings settings = section == "apply" ? config.Apply : config.Node;
        Assert.Equal((false, true, false), (settings.CertificateRenewal, settings.DryRun, settings.EtcdUpgrade));
        Assert.Equal(["Swap"], settings.IgnorePreflightErrors);
        Assert.Equal("/p", settings.Patches!.Directory);
        Assert.Equal(["preflight"], settings.SkipPhases!);
        Assert.Equal("Never", settings.ImagePullPolicy);
        Assert.False(settings.ImagePullSerial);
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
