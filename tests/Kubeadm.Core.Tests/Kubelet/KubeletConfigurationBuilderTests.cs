using Kubeadm.Core.Configuration.Serialization;
using Kubeadm.Core.Kubelet;

namespace Kubeadm.Core.Tests.Kubelet;

public sealed class KubeletConfigurationBuilderTests
{
    private const string DefaultYaml = """
        apiVersion: kubelet.config.k8s.io/v1beta1
        authentication:
          anonymous:
            enabled: false
          webhook:
            cacheTTL: 0s
            enabled: true
          x509:
            clientCAFile: /etc/kubernetes/pki/ca.crt
        authorization:
          mode: Webhook
          webhook:
            cacheAuthorizedTTL: 0s
            cacheUnauthorizedTTL: 0s
        cgroupDriver: systemd
        clusterDNS:
        - 10.96.0.10
        clusterDomain: cluster.local
        containerRuntimeEndpoint: ""
        cpuManagerReconcilePeriod: 0s
        crashLoopBackOff: {}
        evictionPressureTransitionPeriod: 0s
        fileCheckFrequency: 0s
        healthzBindAddress: 127.0.0.1
        healthzPort: 10248
        httpCheckFrequency: 0s
        imageMaximumGCAge: 0s
        imageMinimumGCAge: 0s
        kind: KubeletConfiguration
        logging:
          flushFrequency: 0
          options:
            json:
              infoBufferSize: "0"
            text:
              infoBufferSize: "0"
          verbosity: 0
        memorySwap: {}
        nodeStatusReportFrequency: 0s
        nodeStatusUpdateFrequency: 0s
        rotateCertificates: true
        runtimeRequestTimeout: 0s
        shutdownGracePeriod: 0s
        shutdownGracePeriodCriticalPods: 0s
        staticPodPath: /etc/kubernetes/manifests
        streamingConnectionIdleTimeout: 0s
        syncFrequency: 0s
        volumeStatsAggPeriod: 0s

        """;

    private readonly List<string> _warnings = [];

    private string Yaml(Core.Configuration.KubeadmConfig config, bool systemdResolved = false) =>
        JsonYamlWriter.Write(KubeletConfigurationBuilder.Build(config, systemdResolved, _warnings.Add));

    [Fact]
    public void Should_WriteKubeadmsFieldsAndGoZeroValues_When_ConfigHasNoKubeletDocument()
    {
        Assert.Equal(DefaultYaml, Yaml(KubeletConfigs.Default()));
        Assert.Empty(_warnings);
    }

    [Fact]
    public void Should_PointResolvConfAtSystemdResolved_When_ServiceIsActive()
    {
        Assert.Contains("\nresolvConf: /run/systemd/resolve/resolv.conf\nrotateCertificates: true\n", Yaml(KubeletConfigs.Default(), systemdResolved: true));
    }

    [Theory]
    [InlineData("10.100.0.0/16", "10.100.0.10")]
    [InlineData("fd00:10:96::/112,10.96.0.0/12", "fd00:10:96::a")]
    public void Should_UseTenthServiceAddressAndDnsDomain_When_NetworkingIsCustom(string serviceSubnet, string dns)
    {
        var config = KubeletConfigs.Default(c =>
        {
            c.Cluster.Networking.ServiceSubnet = serviceSubnet;
            c.Cluster.Networking.DnsDomain = "corp.example";
            c.Cluster.CertificatesDir = "/srv/pki/";
        });

        var yaml = Yaml(config);

        Assert.Contains($"clusterDNS:\n- {dns}\nclusterDomain: corp.example\n", yaml);
        Assert.Contains("clientCAFile: /srv/pki/ca.crt\n", yaml);
    }

    [Fact]
    public void Should_KeepUserValues_And_WarnAboutRecommendedOnes_When_KubeletDocumentOverridesFields()
    {
        var config = KubeletConfigs.Default();
        KubeletConfigs.AddKubeletDocument(config, """
            {'cgroupDriver':'cgroupfs','maxPods':50,'clusterDNS':['1.1.1.1','8.8.8.8'],'healthzPort':1234,'readOnlyPort':10255,
             'rotateCertificates':false,'authentication':{'anonymous':{'enabled':true}},'syncFrequency':'1m',
             'featureGates':{},'staticPodPath':'/etc/kubernetes/manifests'}
            """);

        var yaml = Yaml(config);

        Assert.Contains("cgroupDriver: cgroupfs\n", yaml);
        Assert.Contains("maxPods: 50\n", yaml);
        Assert.Contains("clusterDNS:\n- 1.1.1.1\n- 8.8.8.8\n", yaml);
        Assert.Contains("healthzPort: 1234\n", yaml);
        Assert.Contains("readOnlyPort: 10255\n", yaml);
        Assert.Contains("rotateCertificates: true\n", yaml);
        Assert.Contains("  anonymous:\n    enabled: true\n", yaml);
        Assert.Contains("syncFrequency: 1m0s\n", yaml);
        Assert.DoesNotContain("featureGates", yaml);
        Assert.Equal(
        [
            "The recommended value for \"clusterDNS\" in \"KubeletConfiguration\" is: [10.96.0.10]; the provided value is: [1.1.1.1 8.8.8.8]",
            "The recommended value for \"authentication.anonymous.enabled\" in \"KubeletConfiguration\" is: false; the provided value is: true",
            "The recommended value for \"healthzPort\" in \"KubeletConfiguration\" is: 10248; the provided value is: 1234",
            "The recommended value for \"readOnlyPort\" in \"KubeletConfiguration\" is: 0; the provided value is: 10255",
        ], _warnings);
    }

    [Fact]
    public void Should_WarnAboutAnyUserResolvConf_When_SystemdResolvedIsActive()
    {
        var config = KubeletConfigs.Default();
        KubeletConfigs.AddKubeletDocument(config, "{'resolvConf':'/etc/resolv.conf'}");

        Assert.Contains("resolvConf: /etc/resolv.conf\n", Yaml(config, systemdResolved: true));
        Assert.Single(_warnings, w => w.StartsWith("The recommended value for \"resolvConf\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_NotChangeTheConfigDocument_When_Building()
    {
        var config = KubeletConfigs.Default();
        KubeletConfigs.AddKubeletDocument(config, "{'maxPods':50}");

        Yaml(config);

        Assert.Equal("{\"maxPods\":50}", config.ComponentConfigs[0].Content.ToJsonString());
    }
}
