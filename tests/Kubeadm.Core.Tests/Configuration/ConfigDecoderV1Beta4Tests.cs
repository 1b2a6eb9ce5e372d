using Kubeadm.Core.Configuration.Serialization;

namespace Kubeadm.Core.Tests.Configuration;

public sealed class ConfigDecoderV1Beta4Tests
{
    private const string FullDocument = """
        apiVersion: kubeadm.k8s.io/v1beta4
        kind: InitConfiguration
        bootstrapTokens:
        - token: abcdef.0123456789abcdef
          description: first
          ttl: 1h30m
          usages: [signing]
          groups: [system:bootstrappers:extra]
        - token: ghijkl.0123456789abcdef
          expires: "2030-01-02T03:04:05Z"
        dryRun: true
        nodeRegistration:
          name: cp-1
          criSocket: unix:///var/run/crio/crio.sock
          taints:
          - key: a
            value: b
            effect: NoExecute
            timeAdded: "2024-05-06T07:08:09Z"
          kubeletExtraArgs:
          - name: v
            value: "4"
          - name: v
            value: "5"
          ignorePreflightErrors: [Swap, NumCPU]
          imagePullPolicy: Never
          imagePullSerial: false
        localAPIEndpoint:
          advertiseAddress: 10.0.0.5
          bindPort: 7443
        certificateKey: "0123"
        skipPhases: [addon/kube-proxy]
        patches:
          directory: /etc/patches
        timeouts:
          controlPlaneComponentHealthCheck: 1m
          kubeletHealthCheck: 2m
          kubernetesAPICall: 3m
          etcdAPICall: 4m
          tlsBootstrap: 5m
          discovery: 6m
          upgradeManifests: 7m
        ---
        apiVersion: kubeadm.k8s.io/v1beta4
        kind: ClusterConfiguration
        etcd:
          local:
            imageRepository: my.registry/etcd
            imageTag: 3.6.5-0
            dataDir: /data/etcd
            extraArgs: [{name: quota-backend-bytes, value: "8589934592"}]
            extraEnvs:
            - name: POD_IP
              valueFrom:
                fieldRef:
                  fieldPath: status.podIP
            serverCertSANs: [etcd.local]
            peerCertSANs: [peer.local]
        networking:
          serviceSubnet: 10.100.0.0/16
          podSubnet: 192.168.0.0/16
          dnsDomain: corp.local
        kubernetesVersion: v1.34.1
        controlPlaneEndpoint: lb.example:6443
        apiServer:
          extraArgs: [{name: audit-log-path, value: /var/log/audit.log}]
          extraVolumes:
          - name: audit
            hostPath: /var/log
            mountPath: /var/log
            readOnly: true
            pathType: Directory
          extraEnvs: [{name: HTTP_PROXY, value: "http://proxy:3128"}]
          certSANs: [lb.example, 10.0.0.100]
        controllerManager:
          extraArgs: [{name: node-cidr-mask-size, value: "24"}]
        scheduler:
          extraEnvs: [{name: A, value: B}]
        dns:
          imageRepository: my.registry/coredns
          imageTag: v1.12.1
          disabled: true
        proxy:
          disabled: true
        certificatesDir: /pki
        imageRepository: my.registry
        featureGates:
          ControlPlaneKubeletLocalMode: true
          NodeLocalCRISocket: false
        clusterName: prod
        encryptionAlgorithm: ECDSA-P256
        certificateValidityPeriod: 720h
        caCertificateValidityPeriod: 43800h
        """;

    [Fact]
    public void Should_DecodeEveryInitField_When_DocumentIsV1Beta4()
    {
        var decoded = KubeadmConfigDecoder.Decode(FullDocument, "full.yaml");
        var init = decoded.Config.Init;

        Assert.True(decoded.HasInitConfiguration);
        Assert.Equal("kubeadm.k8s.io/v1beta4", decoded.InitApiVersion);
        Assert.Empty(decoded.Warnings);
        Assert.Equal(2, init.BootstrapTokens.Count);
        var first = init.BootstrapTokens[0];
        Assert.Equal(("abcdef.0123456789abcdef", "first", TimeSpan.FromMinutes(90)), (first.Token, first.Description, first.Ttl));
        Assert.Equal(["signing"], first.Usages);
        Assert.Equal(["system:bootstrappers:extra"], first.Groups);
        Assert.Equal(new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero), init.BootstrapTokens[1].Expires);
        Assert.True(init.DryRun);
        var registration = init.NodeRegistration;
        Assert.Equal(("cp-1", "unix:///var/run/crio/crio.sock", "Never", false), (registration.Name, registration.CriSocket, registration.ImagePullPolicy, registration.ImagePullSerial));
        var taint = Assert.Single(registration.Taints!);
        Assert.Equal(new Kubeadm.Core.Configuration.Taint("a", "b", "NoExecute", new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.Zero)), taint);
        Assert.Equal([new("v", "4"), new("v", "5")], registration.KubeletExtraArgs);
        Assert.Equal(["Swap", "NumCPU"], registration.IgnorePreflightErrors);
        Assert.Equal(("10.0.0.5", 7443), (init.LocalApiEndpoint.AdvertiseAddress, init.LocalApiEndpoint.BindPort));
        Assert.Equal("0123", init.CertificateKey);
        Assert.Equal(["addon/kube-proxy"], init.SkipPhases);
        Assert.Equal("/etc/patches", init.Patches!.Directory);
        var t = init.Timeouts;
        Assert.Equal(
            [1, 2, 3, 4, 5, 6, 7],
            new[] { t.ControlPlaneComponentHealthCheck, t.KubeletHealthCheck, t.KubernetesApiCall, t.EtcdApiCall, t.TlsBootstrap, t.Discovery, t.UpgradeManifests }
                .Select(d => d!.Value.TotalMinutes));
    }

    [Fact]
    public void Should_DecodeEveryClusterField_When_DocumentIsV1Beta4()
    {
        var decoded = KubeadmConfigDecoder.Decode(FullDocument, "full.yaml");
        var cluster = decoded.Config.Cluster;

        Assert.True(decoded.HasClusterConfiguration);
        var local = cluster.Etcd.Local!;
        Assert.Null(cluster.Etcd.External);
        Assert.Equal(("my.registry/etcd", "3.6.5-0", "/data/etcd"), (local.ImageRepository, local.ImageTag, local.DataDir));
        Assert.Equal([new("quota-backend-bytes", "8589934592")], local.ExtraArgs);
        var env = Assert.Single(local.ExtraEnvs);
        Assert.Equal("POD_IP", env.Name);
        Assert.Equal("status.podIP", env.ValueFrom!["fieldRef"]!["fieldPath"]!.GetValue<string>());
        Assert.Equal(["etcd.local"], local.ServerCertSans);
        Assert.Equal(["peer.local"], local.PeerCertSans);
        Assert.Equal(("10.100.0.0/16", "192.168.0.0/16", "corp.local"), (cluster.Networking.ServiceSubnet, cluster.Networking.PodSubnet, cluster.Networking.DnsDomain));
        Assert.Equal(("v1.34.1", "lb.example:6443"), (cluster.KubernetesVersion, cluster.ControlPlaneEndpoint));
        Assert.Equal([new("audit-log-path", "/var/log/audit.log")], cluster.ApiServer.ExtraArgs);
        Assert.Equal([new("audit", "/var/log", "/var/log", true, "Directory")], cluster.ApiServer.ExtraVolumes);
        Assert.Equal([new("HTTP_PROXY", "http://proxy:3128")], cluster.ApiServer.ExtraEnvs);
        Assert.Equal(["lb.example", "10.0.0.100"], cluster.ApiServer.CertSans);
        Assert.Equal([new("node-cidr-mask-size", "24")], cluster.ControllerManager.ExtraArgs);
        Assert.Equal([new("A", "B")], cluster.Scheduler.ExtraEnvs);
        Assert.Equal(("my.registry/coredns", "v1.12.1", true), (cluster.Dns.ImageRepository, cluster.Dns.ImageTag, cluster.Dns.Disabled));
        Assert.True(cluster.Proxy.Disabled);
        Assert.Equal(("/pki", "my.registry", "prod", "ECDSA-P256"), (cluster.CertificatesDir, cluster.ImageRepository, cluster.ClusterName, cluster.EncryptionAlgorithm));
        Assert.Equal(new Dictionary<string, bool> { ["ControlPlaneKubeletLocalMode"] = true, ["NodeLocalCRISocket"] = false }, cluster.FeatureGates);
        Assert.Equal((TimeSpan.FromHours(720), TimeSpan.FromHours(43800)), (cluster.CertificateValidityPeriod, cluster.CaCertificateValidityPeriod));
    }

    [Fact]
    public void Should_KeepNullAndEmptyTaintsApart_When_Decoding()
    {
        const string unset = "apiVersion: kubeadm.k8s.io/v1beta4\nkind: InitConfiguration\nnodeRegistration:\n  taints: null\n";
        const string empty = "apiVersion: kubeadm.k8s.io/v1beta4\nkind: InitConfiguration\nnodeRegistration:\n  taints: []\n";

        Assert.Null(KubeadmConfigDecoder.Decode(unset, "a.yaml").Config.Init.NodeRegistration.Taints);
        Assert.Empty(KubeadmConfigDecoder.Decode(empty, "b.yaml").Config.Init.NodeRegistration.Taints!);
    }

    [Fact]
    public void Should_RoundTrip_When_EncodingADecodedDocument()
    {
        var first = KubeadmConfigDecoder.Decode(FullDocument, "full.yaml").Config;
        var encoded = KubeadmConfigEncoder.Encode(first);
        var second = KubeadmConfigDecoder.Decode(encoded, "encoded.yaml").Config;

        Assert.Equal(encoded, KubeadmConfigEncoder.Encode(second));
        Assert.Contains("  - name: v\n    value: \"4\"\n", encoded);
    }
}
