using k8s.Models;

namespace Kubeadm.Cli.Tests.Certs;

/// <summary>renew and check-expiration read the cluster's kubeadm-config through admin.conf, as kubeadm does.</summary>
public sealed class CertsClusterConfigCliTests
{
    private const string Reading =
        "[check-expiration] Reading configuration from the \"kubeadm-config\" ConfigMap in namespace \"kube-system\"...\n"
        + "[check-expiration] Use 'kubeadm init phase upload-config kubeadm --config your-config-file' to re-upload it.\n";

    [Fact]
    public async Task Should_ListOnlyTheCertificatesOfTheClustersEtcdMode_When_TheClusterSaysEtcdIsExternal()
    {
        var host = await HostWithClusterConfig("etcd:\n  external:\n    endpoints: [\"https://10.0.0.9:2379\"]\n");

        var run = await host.RunAsync("certs", "check-expiration");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.StartsWith(Reading + "\nCERTIFICATE ", run.Output);
        Assert.DoesNotContain("Falling back", run.Output);
        Assert.DoesNotContain("etcd", run.Output);
        Assert.Equal(["/etc/kubernetes/admin.conf"], host.ClientKubeconfigs);
        Assert.Contains(host.Cluster.Requests, r => r.ToString().Contains("kubeadm-config", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_RenewWithTheClustersValidityPeriod_When_TheClusterSetsOne()
    {
        var host = await HostWithClusterConfig("certificateValidityPeriod: 48h0m0s\n");
        var renewedAt = CertsCliHost.Created.AddDays(10);
        host.Clock.Now = renewedAt;

        var run = await host.RunAsync("certs", "renew", "apiserver");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(
            Reading.Replace("check-expiration", "renew", StringComparison.Ordinal) + "\ncertificate for serving the Kubernetes API renewed\n",
            run.Output);
        Assert.Equal(renewedAt.AddHours(48).UtcDateTime, host.Certificate("apiserver").NotAfter.ToUniversalTime());
    }

    [Fact]
    public async Task Should_KeepThisNodesCertDir_When_TheClusterStoresAnother()
    {
        // kubeadm replaces the cluster's certificatesDir with --cert-dir's value, its default included.
        var host = await HostWithClusterConfig("certificatesDir: /srv/pki\n");

        var run = await host.RunAsync("certs", "check-expiration");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.DoesNotContain("!MISSING!", run.Output);
    }

    [Fact]
    public async Task Should_UseTheGivenKubeconfig_When_KubeconfigIsSet()
    {
        var host = await HostWithClusterConfig("");

        var run = await host.RunAsync("certs", "check-expiration", "--kubeconfig", "/etc/kubernetes/super-admin.conf");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(["/etc/kubernetes/super-admin.conf"], host.ClientKubeconfigs);
    }

    [Fact]
    public async Task Should_SayNothingAboutTheCluster_When_NoClientCanBeMade()
    {
        var host = await HostWithClusterConfig("");
        host.FileSystem.DeleteFile("/etc/kubernetes/admin.conf");

        var run = await host.RunAsync("certs", "check-expiration");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.StartsWith("CERTIFICATE ", run.Output);
        Assert.Empty(host.ClientKubeconfigs);
    }

    [Fact]
    public async Task Should_NotAskTheCluster_When_ConfigIsGiven()
    {
        var host = (await HostWithClusterConfig("")).WithUserFile("/cfg.yaml", "apiVersion: kubeadm.k8s.io/v1beta4\nkind: ClusterConfiguration\n");

        var run = await host.RunAsync("certs", "check-expiration", "--config", "/cfg.yaml");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Empty(host.ClientKubeconfigs);
        Assert.StartsWith("CERTIFICATE ", run.Output);
    }

    [Fact]
    public async Task Should_PrintOnlyTheObject_When_OutputIsJson()
    {
        var host = await HostWithClusterConfig("");

        var run = await host.RunAsync("certs", "check-expiration", "-o", "json");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.StartsWith("{", run.Output);
        Assert.Single(host.ClientKubeconfigs);
    }

    private static async Task<CertsCliHost> HostWithClusterConfig(string clusterFields)
    {
        var host = new CertsCliHost();
        await host.CreatePkiAsync();
        host.Cluster.Seed(new V1ConfigMap
        {
            Metadata = new V1ObjectMeta { Name = "kubeadm-config", NamespaceProperty = "kube-system" },
            Data = new Dictionary<string, string>
            {
                ["ClusterConfiguration"] = "apiVersion: kubeadm.k8s.io/v1beta4\nkind: ClusterConfiguration\nkubernetesVersion: v1.34.2\n" + clusterFields,
            },
        });
        return host;
    }
}
