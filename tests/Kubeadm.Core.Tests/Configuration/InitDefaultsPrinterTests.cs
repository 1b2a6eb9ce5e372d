using Kubeadm.Core.Configuration.Serialization;

namespace Kubeadm.Core.Tests.Configuration;

public sealed class InitDefaultsPrinterTests
{
    private const string Golden = """
        apiVersion: kubeadm.k8s.io/v1beta4
        bootstrapTokens:
        - groups:
          - system:bootstrappers:kubeadm:default-node-token
          token: abcdef.0123456789abcdef
          ttl: 24h0m0s
          usages:
          - signing
          - authentication
        kind: InitConfiguration
        localAPIEndpoint:
          advertiseAddress: 1.2.3.4
          bindPort: 6443
        nodeRegistration:
          criSocket: unix:///var/run/containerd/containerd.sock
          imagePullPolicy: IfNotPresent
          imagePullSerial: true
          name: node
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
        kubernetesVersion: 1.34.0
        networking:
          dnsDomain: cluster.local
          serviceSubnet: 10.96.0.0/12
        proxy: {}
        scheduler: {}

        """;

    [Fact]
    public void Should_PrintKubeadmShape_When_PrintingInitDefaults() =>
        Assert.Equal(Golden, InitDefaultsPrinter.Print());

    [Fact]
    public void Should_DecodeBackToTheDefaults_When_OutputIsReadAgain()
    {
        var printed = InitDefaultsPrinter.Print();

        var decoded = KubeadmConfigDecoder.Decode(printed, "defaults.yaml");

        Assert.Empty(decoded.Warnings);
        Assert.Equal(printed, KubeadmConfigEncoder.Encode(decoded.Config));
        Assert.Equal(InitDefaultsPrinter.CreateConfig().Cluster.KubernetesVersion, decoded.Config.Cluster.KubernetesVersion);
    }
}
