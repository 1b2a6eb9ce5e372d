using Kubeadm.Core.Configuration;

namespace Kubeadm.Core.Tests.Configuration.Validation;

/// <summary>Broken ClusterConfiguration settings other than networking, plus localAPIEndpoint, certificateKey and timeouts.</summary>
internal static class ClusterCases
{
    private const string GateMapPrefix = "featureGates: Invalid value: map[string]bool{";

    public static IEnumerable<InvalidConfigCase> All =>
    [
        new("kubernetes version too old", c => c.Cluster.KubernetesVersion = "v1.32.0", "kubernetesVersion",
            "this version of kubeadm only supports deploying clusters with the control plane version >= 1.33.0. Current version: v1.32.0"),
        new("kubernetes version pre-release of minimum", c => c.Cluster.KubernetesVersion = "v1.33.0-rc.1", "kubernetesVersion",
            "this version of kubeadm only supports deploying clusters with the control plane version >= 1.33.0. Current version: v1.33.0-rc.1"),
        new("kubernetes version unresolved label", c => c.Cluster.KubernetesVersion = "stable-1", "kubernetesVersion",
            "couldn't parse Kubernetes version \"stable-1\": could not parse \"stable-1\" as version"),
        new("api server extra arg without name", c => c.Cluster.ApiServer.ExtraArgs.Add(new Arg("", "x")), "apiServer.extraArgs[1].name",
            "apiServer.extraArgs[1].name: Required value: argument has no name"),
        new("controller manager extra arg without name", c => c.Cluster.ControllerManager.ExtraArgs.Insert(0, new Arg("", "x")),
            "controllerManager.extraArgs[0].name", "controllerManager.extraArgs[0].name: Required value: argument has no name"),
        new("scheduler extra arg without name", c => c.Cluster.Scheduler.ExtraArgs.Add(new Arg("", "x")), "scheduler.extraArgs[1].name",
            "scheduler.extraArgs[1].name: Required value: argument has no name"),
        new("etcd extra arg without name", c => c.Cluster.Etcd.Local!.ExtraArgs.Add(new Arg("", "x")), "etcd.local.extraArgs[1].name",
            "etcd.local.extraArgs[1].name: Required value: argument has no name"),
        new("certificates dir relative", c => c.Cluster.CertificatesDir = "etc/kubernetes/pki", "certificatesDir",
            "certificatesDir: Invalid value: \"etc/kubernetes/pki\": path is not absolute"),
        new("etcd data dir relative", c => c.Cluster.Etcd.Local!.DataDir = "var/lib/etcd", "etcd.local.dataDir",
            "etcd.local.dataDir: Invalid value: \"var/lib/etcd\": path is not absolute"),
        new("feature gate unknown", c => c.Cluster.FeatureGates["Foo"] = true, "featureGates",
            GateMapPrefix + "\"Foo\":true, \"NodeLocalCRISocket\":true}: Foo is not a valid feature name."),
        new("feature gate deprecated", c => c.Cluster.FeatureGates["PublicKeysECDSA"] = true, "featureGates",
            GateMapPrefix + "\"NodeLocalCRISocket\":true, \"PublicKeysECDSA\":true}: PublicKeysECDSA is not a valid feature name."),
        new("feature gate removed", c => c.Cluster.FeatureGates["EtcdLearnerMode"] = true, "featureGates",
            GateMapPrefix + "\"EtcdLearnerMode\":true, \"NodeLocalCRISocket\":true}: EtcdLearnerMode is not a valid feature name."),
        new("feature gate locked", c => c.Cluster.FeatureGates["WaitForAllControlPlaneComponents"] = false, "featureGates",
            GateMapPrefix + "\"NodeLocalCRISocket\":true, \"WaitForAllControlPlaneComponents\":false}: "
            + "cannot set feature gate WaitForAllControlPlaneComponents to false, feature is locked to true"),
        new("endpoint port zero", c => c.Cluster.ControlPlaneEndpoint = "cp.example.com:0", "controlPlaneEndpoint",
            "controlPlaneEndpoint: Invalid value: \"cp.example.com:0\": endpoint is not valid"),
        new("endpoint host invalid", c => c.Cluster.ControlPlaneEndpoint = "cp_example:6443", "controlPlaneEndpoint",
            "controlPlaneEndpoint: Invalid value: \"cp_example:6443\": endpoint is not valid"),
        new("endpoint IPv6 brackets without port", c => c.Cluster.ControlPlaneEndpoint = "[::1]", "controlPlaneEndpoint",
            "controlPlaneEndpoint: Invalid value: \"[::1]\": endpoint is not valid"),
        new("image repository upper-case path", c => c.Cluster.ImageRepository = "registry.k8s.io/Mirror", "imageRepository",
            "imageRepository: Invalid value: \"registry.k8s.io/Mirror\": invalid image repository format"),
        new("image repository trailing slash", c => c.Cluster.ImageRepository = "registry.k8s.io/", "imageRepository",
            "imageRepository: Invalid value: \"registry.k8s.io/\": invalid image repository format"),
        new("etcd image repository invalid", c => c.Cluster.Etcd.Local!.ImageRepository = "bad repo", "etcd.local.imageRepository",
            "etcd.local.imageRepository: Invalid value: \"bad repo\": invalid image repository format"),
        new("dns image repository invalid", c => c.Cluster.Dns.ImageRepository = "dns..bad", "dns.imageRepository",
            "dns.imageRepository: Invalid value: \"dns..bad\": invalid image repository format"),
        new("etcd image tag invalid", c => c.Cluster.Etcd.Local!.ImageTag = "3.6.5-0!", "etcd.local.imageTag",
            "etcd.local.imageTag: Invalid value: \"3.6.5-0!\": invalid image tag format"),
        new("dns image tag invalid", c => c.Cluster.Dns.ImageTag = ".v1", "dns.imageTag", "dns.imageTag: Invalid value: \".v1\": invalid image tag format"),
        new("etcd local and external", c => c.Cluster.Etcd.External = new ExternalEtcd { Endpoints = ["https://10.0.0.5:2379"] }, "etcd",
            "etcd: Invalid value: \"\": .Etcd.Local and .Etcd.External are mutually exclusive"),
        new("etcd neither", c => c.Cluster.Etcd = new global::Kubeadm.Core.Configuration.Etcd(), "etcd", "etcd: Invalid value: \"\": either .Etcd.Local or .Etcd.External is required"),
        new("external etcd cert without key", c => ValidConfigBuilder.UseExternalEtcd(c).KeyFile = "", "etcd.external",
            "etcd.external: Invalid value: \"\": either both or none of .Etcd.External.CertFile and .Etcd.External.KeyFile must be set"),
        new("external etcd cert without CA", c => ValidConfigBuilder.UseExternalEtcd(c).CaFile = "", "etcd.external",
            "etcd.external: Invalid value: \"\": setting .Etcd.External.CertFile and .Etcd.External.KeyFile requires .Etcd.External.CAFile"),
        new("external etcd http with TLS", c => ValidConfigBuilder.UseExternalEtcd(c).Endpoints = ["http://10.0.0.5:2379"], "etcd.external.endpoints[0]",
            "etcd.external.endpoints[0]: Invalid value: \"http://10.0.0.5:2379\": the URL must be using the HTTPS scheme"),
        new("external etcd no endpoints", c => ValidConfigBuilder.UseExternalEtcd(c).Endpoints = [], "etcd.external.endpoints",
            "etcd.external.endpoints: Required value: at least one external etcd endpoint is required"),
        new("external etcd endpoint without scheme", c => NoTls(c).Endpoints = ["10.0.0.5:2379"], "etcd.external.endpoints[0]",
            "etcd.external.endpoints[0]: Invalid value: \"10.0.0.5:2379\": URL parse error: parse \"10.0.0.5:2379\": first path segment in URL cannot contain colon"),
        new("external etcd endpoint scheme-relative", c => NoTls(c).Endpoints = ["//10.0.0.5:2379"], "etcd.external.endpoints[0]",
            "etcd.external.endpoints[0]: Invalid value: \"//10.0.0.5:2379\": the URL without scheme is not allowed"),
        new("external etcd bad port", c => NoTls(c).Endpoints = ["http://10.0.0.5:abc"], "etcd.external.endpoints[0]",
            "etcd.external.endpoints[0]: Invalid value: \"http://10.0.0.5:abc\": URL parse error: parse \"http://10.0.0.5:abc\": invalid port \":abc\" after host"),
        new("external etcd CA relative", c => ValidConfigBuilder.UseExternalEtcd(c).CaFile = "ca.crt", "etcd.external.caFile",
            "etcd.external.caFile: Invalid value: \"ca.crt\": path is not absolute"),
        new("external etcd key relative", c => ValidConfigBuilder.UseExternalEtcd(c).KeyFile = "client.key", "etcd.external.keyFile",
            "etcd.external.keyFile: Invalid value: \"client.key\": path is not absolute"),
        new("api server SAN invalid", c => c.Cluster.ApiServer.CertSans.Add("bad_name"), "apiServer.certSANs[2]",
            "apiServer.certSANs[2]: Invalid value: \"bad_name\": " + ExpectedMessages.BadSan),
        new("etcd server SAN invalid", c => c.Cluster.Etcd.Local!.ServerCertSans = ["*"], "etcd.local.serverCertSANs[0]",
            "etcd.local.serverCertSANs[0]: Invalid value: \"*\": " + ExpectedMessages.BadSan),
        new("etcd peer SAN invalid", c => c.Cluster.Etcd.Local!.PeerCertSans = ["10.0.0.0/24"], "etcd.local.peerCertSANs[0]",
            "etcd.local.peerCertSANs[0]: Invalid value: \"10.0.0.0/24\": " + ExpectedMessages.BadSan),
        new("advertise address invalid", c => c.Init.LocalApiEndpoint.AdvertiseAddress = "10.0.0.300", "localAPIEndpoint.advertiseAddress",
            "localAPIEndpoint.advertiseAddress: Invalid value: \"10.0.0.300\": ip address is not valid"),
        new("bind port zero", c => c.Init.LocalApiEndpoint.BindPort = 0, "localAPIEndpoint.bindPort",
            "localAPIEndpoint.bindPort: Invalid value: 0: port number is not valid"),
        new("bind port too high", c => c.Init.LocalApiEndpoint.BindPort = 65536, "localAPIEndpoint.bindPort",
            "localAPIEndpoint.bindPort: Invalid value: 65536: port number is not valid"),
        new("certificate key short", c => c.Init.CertificateKey = "abcd", "certificateKey",
            "certificateKey: Invalid value: \"<redacted>\": invalid certificate key size 2, the key must be an AES key of size 32"),
        new("certificate key not hex", c => c.Init.CertificateKey = "xyz0", "certificateKey",
            "certificateKey: Invalid value: \"<redacted>\": certificate key decoding error: encoding/hex: invalid byte: U+0078 'x'"),
        new("certificate key odd length", c => c.Init.CertificateKey = "abc", "certificateKey",
            "certificateKey: Invalid value: \"<redacted>\": certificate key decoding error: encoding/hex: odd length hex string"),
        new("encryption algorithm unknown", c => c.Cluster.EncryptionAlgorithm = "RSA-1024", "encryptionAlgorithm",
            "encryptionAlgorithm: Invalid value: \"RSA-1024\": Invalid encryption algorithm \"RSA-1024\". "
            + "Must be one of [ECDSA-P256 ECDSA-P384 RSA-2048 RSA-3072 RSA-4096]"),
        new("certificate validity zero", c => c.Cluster.CertificateValidityPeriod = TimeSpan.Zero, "certificateValidityPeriod",
            "certificateValidityPeriod: Invalid value: 0s: must be greater than zero"),
        new("CA validity negative", c => c.Cluster.CaCertificateValidityPeriod = TimeSpan.FromMinutes(-90), "caCertificateValidityPeriod",
            "caCertificateValidityPeriod: Invalid value: -1h30m0s: must be greater than zero"),
        new("timeout zero", c => c.Init.Timeouts.KubeletHealthCheck = TimeSpan.Zero, "timeouts.kubeletHealthCheck",
            "timeouts.kubeletHealthCheck: Invalid value: 0s: must be greater than zero"),
        new("timeout negative", c => c.Init.Timeouts.EtcdApiCall = TimeSpan.FromMilliseconds(-500), "timeouts.etcdAPICall",
            "timeouts.etcdAPICall: Invalid value: -500ms: must be greater than zero"),
    ];

    private static ExternalEtcd NoTls(KubeadmConfig config)
    {
        var external = ValidConfigBuilder.UseExternalEtcd(config);
        external.CaFile = external.CertFile = external.KeyFile = "";
        return external;
    }
}
