using Kubeadm.Core.Configuration.Serialization;

namespace Kubeadm.Core.Tests.Configuration;

public sealed class ConfigMigratorTests
{
    private const string OldConfig = """
        apiVersion: kubeadm.k8s.io/v1beta3
        kind: InitConfiguration
        bootstrapTokens:
        - token: abcdef.0123456789abcdef
        nodeRegistration:
          name: cp-1
          criSocket: unix:///var/run/containerd/containerd.sock
          kubeletExtraArgs:
            v: "4"
            node-ip: 10.0.0.5
        ---
        apiVersion: kubeadm.k8s.io/v1beta3
        kind: ClusterConfiguration
        kubernetesVersion: v1.33.0
        apiServer:
          timeoutForControlPlane: 10m0s
          extraArgs:
            profiling: "false"
        featureGates:
          PublicKeysECDSA: true
        networking:
          podSubnet: 192.168.0.0/16
        ---
        apiVersion: kubeproxy.config.k8s.io/v1alpha1
        kind: KubeProxyConfiguration
        mode: ipvs
        """;

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
          bindPort: 6443
        nodeRegistration:
          criSocket: unix:///var/run/containerd/containerd.sock
          imagePullPolicy: IfNotPresent
          imagePullSerial: true
          kubeletExtraArgs:
          - name: node-ip
            value: 10.0.0.5
          - name: v
            value: "4"
          name: cp-1
          taints: null
        timeouts:
          controlPlaneComponentHealthCheck: 10m0s
          discovery: 5m0s
          etcdAPICall: 2m0s
          kubeletHealthCheck: 4m0s
          kubernetesAPICall: 1m0s
          tlsBootstrap: 5m0s
          upgradeManifests: 5m0s
        ---
        apiServer:
          extraArgs:
          - name: profiling
            value: "false"
        apiVersion: kubeadm.k8s.io/v1beta4
        caCertificateValidityPeriod: 87600h0m0s
        certificateValidityPeriod: 8760h0m0s
        certificatesDir: /etc/kubernetes/pki
        clusterName: kubernetes
        controllerManager: {}
        dns: {}
        encryptionAlgorithm: ECDSA-P256
        etcd:
          local:
            dataDir: /var/lib/etcd
        imageRepository: registry.k8s.io
        kind: ClusterConfiguration
        kubernetesVersion: v1.33.0
        networking:
          dnsDomain: cluster.local
          podSubnet: 192.168.0.0/16
          serviceSubnet: 10.96.0.0/12
        proxy: {}
        scheduler: {}
        ---
        apiVersion: kubeproxy.config.k8s.io/v1alpha1
        kind: KubeProxyConfiguration
        mode: ipvs

        """;

    [Fact]
    public void Should_WriteDefaultedV1Beta4_When_MigratingV1Beta3() =>
        Assert.Equal(Golden, ConfigMigrator.Migrate(OldConfig, "old.yaml"));

    [Fact]
    public void Should_ApplyDynamicDefaults_When_CallerProvidesThem()
    {
        var migrated = ConfigMigrator.Migrate(OldConfig, "old.yaml", config => config.Init.NodeRegistration.Taints = []);

        Assert.Contains("  taints: []\n", migrated);
    }

    [Fact]
    public void Should_BeStable_When_MigratingV1Beta4Output() =>
        Assert.Equal(Golden, ConfigMigrator.Migrate(Golden, "new.yaml"));
}
