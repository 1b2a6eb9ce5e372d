using Kubeadm.Core.Configuration;

namespace Kubeadm.Core.Tests.Configuration.Validation;

/// <summary>A fully populated, valid config (as after defaulting) that each test breaks in one place.</summary>
internal static class ValidConfigBuilder
{
    public const string Token = "abcdef.0123456789abcdef";
    public const string CertificateKey = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    public static KubeadmConfig Build() => new()
    {
        Init = new InitConfiguration
        {
            BootstrapTokens =
            [
                new BootstrapToken
                {
                    Token = Token,
                    Ttl = TimeSpan.FromHours(24),
                    Usages = ["signing", "authentication"],
                    Groups = ["system:bootstrappers:kubeadm:default-node-token"],
                },
            ],
            NodeRegistration = new NodeRegistrationOptions
            {
                Name = "control-plane-1",
                CriSocket = "unix:///var/run/containerd/containerd.sock",
                KubeletExtraArgs = [new Arg("node-ip", "192.168.0.10")],
                ImagePullPolicy = "IfNotPresent",
            },
            LocalApiEndpoint = new ApiEndpoint { AdvertiseAddress = "192.168.0.10", BindPort = 6443 },
            CertificateKey = CertificateKey,
            Timeouts = new Timeouts
            {
                ControlPlaneComponentHealthCheck = TimeSpan.FromMinutes(4),
                KubeletHealthCheck = TimeSpan.FromMinutes(4),
                KubernetesApiCall = TimeSpan.FromMinutes(1),
                EtcdApiCall = TimeSpan.FromMinutes(2),
                TlsBootstrap = TimeSpan.FromMinutes(5),
                Discovery = TimeSpan.FromMinutes(5),
                UpgradeManifests = TimeSpan.FromMinutes(5),
            },
        },
        Cluster = new ClusterConfiguration
        {
            KubernetesVersion = "v1.34.2",
            ControlPlaneEndpoint = "cp.example.com:6443",
            Networking = new Networking { ServiceSubnet = "10.96.0.0/12", PodSubnet = "10.244.0.0/16", DnsDomain = "cluster.local" },
            ApiServer = new ApiServer
            {
                CertSans = ["10.0.0.1", "api.example.com"],
                ExtraArgs = [new Arg("audit-log-maxage", "30")],
            },
            ControllerManager = new ControlPlaneComponent { ExtraArgs = [new Arg("bind-address", "127.0.0.1")] },
            Scheduler = new ControlPlaneComponent { ExtraArgs = [new Arg("bind-address", "127.0.0.1")] },
            Etcd = new global::Kubeadm.Core.Configuration.Etcd
            {
                Local = new LocalEtcd
                {
                    DataDir = "/var/lib/etcd",
                    ImageRepository = "registry.k8s.io",
                    ImageTag = "3.6.5-0",
                    ExtraArgs = [new Arg("listen-metrics-urls", "http://127.0.0.1:2381")],
                    ServerCertSans = ["etcd.example.com"],
                    PeerCertSans = ["10.0.0.2"],
                },
            },
            Dns = new Dns { ImageRepository = "registry.k8s.io/coredns", ImageTag = "v1.12.1" },
            CertificatesDir = "/etc/kubernetes/pki",
            ImageRepository = "registry.k8s.io",
            FeatureGates = new SortedDictionary<string, bool>(StringComparer.Ordinal) { ["NodeLocalCRISocket"] = true },
            ClusterName = "kubernetes",
            EncryptionAlgorithm = "RSA-2048",
            CertificateValidityPeriod = TimeSpan.FromHours(8760),
            CaCertificateValidityPeriod = TimeSpan.FromHours(87600),
        },
    };

    public static KubeadmConfig With(Action<KubeadmConfig> change)
    {
        var config = Build();
        change(config);
        return config;
    }

    public static ExternalEtcd UseExternalEtcd(KubeadmConfig config)
    {
        var external = new ExternalEtcd
        {
            Endpoints = ["https://10.0.0.5:2379"],
            CaFile = "/etc/etcd/ca.crt",
            CertFile = "/etc/etcd/client.crt",
            KeyFile = "/etc/etcd/client.key",
        };
        config.Cluster.Etcd = new global::Kubeadm.Core.Configuration.Etcd { External = external };
        return external;
    }
}
