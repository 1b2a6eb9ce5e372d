using k8s.Models;
using Kubeadm.App.Reset;
using Kubeadm.Core.ClusterApi;
using Kubeadm.Core.Configuration.Serialization;
using Kubeadm.Core.Errors;
using Kubeadm.Core.Host;

namespace Kubeadm.App.Tests.Reset;

public sealed class ResetConfigurationTests
{
    [Fact]
    public async Task Should_TakeForceCertDirAndSkipPhasesFromTheFile_When_ConfigIsGiven()
    {
        var harness = new ResetHarness().WithInitState();
        harness.FileSystem.WriteAllText("/srv/pki/ca.crt", "ca\n", FileModes.Private);
        harness.UserFiles["reset.yaml"] = """
            apiVersion: kubeadm.k8s.io/v1beta4
            kind: ResetConfiguration
            force: true
            certificatesDir: /srv/pki
            skipPhases:
            - remove-etcd-member
            """;

        var context = await harness.RunAsync(new ResetOptions { ConfigPath = "reset.yaml", ChangedFlags = ["config"] });

        Assert.True(context.Force);
        Assert.Equal("/srv/pki", context.CertificatesDir);
        Assert.False(harness.FileSystem.FileExists("/srv/pki/ca.crt"));
        Assert.Contains("/var/lib/etcd/member/snap/db", harness.Files);
    }

    [Fact]
    public void Should_RejectUnknownFieldsAndBadUnmountFlags_When_Decoding()
    {
        var error = Assert.Throws<ValidationException>(() => KubeadmConfigDecoder.DecodeReset(
            "apiVersion: kubeadm.k8s.io/v1beta4\nkind: ResetConfiguration\nforce: yes-please\ncertDir: /x\nunmountFlags: [MNT_BOGUS]\n",
            "reset.yaml"));

        Assert.Contains("unknown field \"certDir\"", error.Message);
        Assert.Contains("reset.yaml: document 1 (ResetConfiguration), line 3, column 8: force: expected a boolean", error.Message);
        Assert.Contains("unmountFlags[0]: Invalid value: \"MNT_BOGUS\"", error.Message);
    }

    [Fact]
    public void Should_PassOverOtherDocuments_And_RefuseV1Beta3_When_Decoding()
    {
        var config = KubeadmConfigDecoder.DecodeReset(
            "apiVersion: kubeadm.k8s.io/v1beta4\nkind: InitConfiguration\nnotAField: 1\n---\n"
            + "apiVersion: kubeadm.k8s.io/v1beta4\nkind: ResetConfiguration\nforce: true\nunmountFlags: [MNT_DETACH]\n",
            "reset.yaml");
        Assert.True(config.Force);
        Assert.Equal(["MNT_DETACH"], config.UnmountFlags);

        var v1beta3 = Assert.Throws<ValidationException>(() => KubeadmConfigDecoder.DecodeReset(
            "apiVersion: kubeadm.k8s.io/v1beta3\nkind: ResetConfiguration\n", "reset.yaml"));
        Assert.Contains("no kind \"ResetConfiguration\" is registered for version \"kubeadm.k8s.io/v1beta3\"", v1beta3.Message);
        var none = Assert.Throws<ValidationException>(() => KubeadmConfigDecoder.DecodeReset(
            "apiVersion: kubeadm.k8s.io/v1beta4\nkind: InitConfiguration\n", "reset.yaml"));
        Assert.Contains("no ResetConfiguration document", none.Message);
    }

    [Fact]
    public async Task Should_RetryEtcdForTheConfiguredTime_When_TimeoutsEtcdApiCallIsGiven()
    {
        var harness = new ResetHarness().WithInitState();
        harness.UserFiles["reset.yaml"] = """
            apiVersion: kubeadm.k8s.io/v1beta4
            kind: ResetConfiguration
            force: true
            timeouts:
              etcdAPICall: 45s
              kubernetesAPICall: 1m
            """;

        var context = await harness.RunAsync(new ResetOptions { ConfigPath = "reset.yaml", ChangedFlags = ["config"] });

        Assert.Equal(TimeSpan.FromSeconds(45), context.EtcdApiCallTimeout);
        Assert.Equal(TimeSpan.FromSeconds(45), Assert.Single(harness.EtcdRequests).Timeout);
    }

    [Fact]
    public void Should_RejectBadTimeouts_When_Decoding()
    {
        var error = Assert.Throws<ValidationException>(() => KubeadmConfigDecoder.DecodeReset(
            "apiVersion: kubeadm.k8s.io/v1beta4\nkind: ResetConfiguration\ntimeouts:\n  etcdAPICall: soon\n  etcdApiCall: 1m\n",
            "reset.yaml"));

        Assert.Contains("reset.yaml: document 1 (ResetConfiguration), line 4, column 16: timeouts.etcdAPICall: time: invalid duration \"soon\"", error.Message);
        Assert.Contains("line 5, column 3: timeouts.etcdApiCall: unknown field \"etcdApiCall\"", error.Message);
        Assert.Contains("line 4, column 16: timeouts.etcdAPICall: Invalid value: \"-1s\": must be greater than zero",
            Assert.Throws<ValidationException>(() => KubeadmConfigDecoder.DecodeReset(
                "apiVersion: kubeadm.k8s.io/v1beta4\nkind: ResetConfiguration\ntimeouts:\n  etcdAPICall: -1s\n", "reset.yaml")).Message);
    }

    [Fact]
    public async Task Should_RejectTheMix_When_ConfigIsCombinedWithForce()
    {
        var harness = new ResetHarness().WithInitState();
        harness.UserFiles["reset.yaml"] = "apiVersion: kubeadm.k8s.io/v1beta4\nkind: ResetConfiguration\n";

        var error = await Assert.ThrowsAsync<KubeadmUserException>(() =>
            harness.RunAsync(new ResetOptions { ConfigPath = "reset.yaml", Force = true, ChangedFlags = ["config", "force"] }));

        Assert.StartsWith("can not mix '--config' with arguments [force]", error.Message);
    }

    [Fact]
    public async Task Should_UseTheClusterCertDirAndEtcdDataDir_When_TheConfigMapIsReadable()
    {
        var harness = new ResetHarness().WithInitState();
        harness.FileSystem.WriteAllText("/srv/etcd/member/db", "db\n", FileModes.Private);
        harness.Cluster = new InMemoryClusterApi();
        harness.Cluster.Seed(ConfigMap("apiVersion: kubeadm.k8s.io/v1beta4\nkind: ClusterConfiguration\ncertificatesDir: /srv/pki\netcd:\n  local:\n    dataDir: /srv/etcd\n"));

        var context = await harness.RunAsync(new ResetOptions { Force = true });

        Assert.Equal("/srv/pki", context.CertificatesDir);
        Assert.False(harness.FileSystem.FileExists("/srv/etcd/member/db"));
        Assert.Contains("/var/lib/etcd/member/snap/db", harness.Files);
        Assert.StartsWith(
            "[reset] Reading configuration from the \"kubeadm-config\" ConfigMap in namespace \"kube-system\"...\n"
            + "[reset] Use 'kubeadm init phase upload-config kubeadm --config your-config-file' to re-upload it.\n",
            harness.Out.ToString());
        Assert.DoesNotContain("No kubeadm config", harness.Err.ToString());
    }

    [Fact]
    public async Task Should_WarnAndFallBackToTheDisk_When_TheConfigMapIsMissing()
    {
        var harness = new ResetHarness { Cluster = new InMemoryClusterApi() }.WithInitState();

        var context = await harness.RunAsync(new ResetOptions { Force = true });

        Assert.Null(context.ClusterConfiguration);
        Assert.StartsWith(
            "[reset] Unable to fetch the kubeadm-config ConfigMap from cluster: failed to get config map: configmaps \"kubeadm-config\" not found\n"
            + "[reset] No kubeadm config, using etcd pod spec to get data directory\n",
            harness.Err.ToString());
        Assert.DoesNotContain("/var/lib/etcd/member/snap/db", harness.Files);
    }

    [Fact]
    public async Task Should_AssumeExternalEtcdAndKeepLocalData_When_TheClusterUsesExternalEtcd()
    {
        var harness = new ResetHarness().WithInitState();
        harness.Cluster = new InMemoryClusterApi();
        harness.Cluster.Seed(ConfigMap(
            "apiVersion: kubeadm.k8s.io/v1beta4\nkind: ClusterConfiguration\netcd:\n  external:\n    endpoints: [https://10.0.0.9:2379]\n    caFile: /ca\n    certFile: /c\n    keyFile: /k\n"));

        await harness.RunAsync(new ResetOptions { Force = true });

        Assert.Contains("[reset] No etcd config found. Assuming external etcd\n[reset] Please, manually reset etcd to prevent further issues\n", harness.Out.ToString());
        Assert.Contains("/var/lib/etcd/member/snap/db", harness.Files);
    }

    private static V1ConfigMap ConfigMap(string clusterConfiguration) => new()
    {
        Metadata = new V1ObjectMeta { Name = "kubeadm-config", NamespaceProperty = "kube-system" },
        Data = new Dictionary<string, string> { ["ClusterConfiguration"] = clusterConfiguration },
    };
}
