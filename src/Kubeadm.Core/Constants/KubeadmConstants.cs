namespace Kubeadm.Core.Constants;

/// <summary>Paths, ports, names and limits kubeadm uses; one place so every phase agrees.</summary>
public static class KubeadmConstants
{
    public const string KubernetesDir = "/etc/kubernetes";
    public const string ManifestsDir = "/etc/kubernetes/manifests";
    public const string TempDir = "/etc/kubernetes/tmp";
    public const string DefaultCertificatesDir = "/etc/kubernetes/pki";
    public const string KubeletDir = "/var/lib/kubelet";
    public const string KubeletConfigFile = "/var/lib/kubelet/config.yaml";
    public const string KubeletEnvFile = "/var/lib/kubelet/kubeadm-flags.env";
    public const string KubeletInstanceConfigFile = "/var/lib/kubelet/instance-config.yaml";
    public const string DefaultEtcdDataDir = "/var/lib/etcd";
    public const string AdminKubeConfigFile = "/etc/kubernetes/admin.conf";
    public const string SuperAdminKubeConfigFile = "/etc/kubernetes/super-admin.conf";
    public const string KubeletKubeConfigFile = "/etc/kubernetes/kubelet.conf";
    public const string KubeletBootstrapKubeConfigFile = "/etc/kubernetes/bootstrap-kubelet.conf";

    public const string DefaultImageRepository = "registry.k8s.io";
    public const string DefaultCiImageRepository = "gcr.io/k8s-staging-ci-images";
    public const string DefaultClusterName = "kubernetes";
    public const string DefaultServiceSubnet = "10.96.0.0/12";
    public const string DefaultDnsDomain = "cluster.local";
    public const string DefaultEncryptionAlgorithm = "RSA-2048";
    public const string DefaultCriSocket = "unix:///var/run/containerd/containerd.sock";
    public const string DefaultImagePullPolicy = "IfNotPresent";
    public const string DefaultKubernetesVersionLabel = "stable-1";

    public const int DefaultApiServerBindPort = 6443;
    public const int KubeletHealthzPort = 10248;
    public const int KubeletPort = 10250;
    public const int KubeSchedulerPort = 10259;
    public const int KubeControllerManagerPort = 10257;
    public const int EtcdClientPort = 2379;
    public const int EtcdPeerPort = 2380;
    public const int EtcdMetricsPort = 2381;

    public static readonly TimeSpan CertificateValidityPeriod = TimeSpan.FromHours(8760);
    public static readonly TimeSpan CaCertificateValidityPeriod = TimeSpan.FromHours(87600);
    public static readonly TimeSpan DefaultTokenTtl = TimeSpan.FromHours(24);
    public static readonly TimeSpan ControlPlaneComponentHealthCheckTimeout = TimeSpan.FromMinutes(4);
    public static readonly TimeSpan KubeletHealthCheckTimeout = TimeSpan.FromMinutes(4);
    public static readonly TimeSpan KubernetesApiCallTimeout = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan EtcdApiCallTimeout = TimeSpan.FromMinutes(2);
    public static readonly TimeSpan TlsBootstrapTimeout = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan DiscoveryTimeout = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan UpgradeManifestsTimeout = TimeSpan.FromMinutes(5);

    public const int MinimumAddressesInServiceSubnet = 10;
    public const int MaximumBitsForServiceSubnet = 20;
    public const int MinimumAddressesInPodSubnet = 14;
    public const int PodSubnetNodeMaskMaxDiff = 16;
    public const int CertificateKeySize = 32;

    public const string NodeBootstrapTokenAuthGroup = "system:bootstrappers:kubeadm:default-node-token";
    public const string ControlPlaneLabel = "node-role.kubernetes.io/control-plane";

    /// <summary>Set by the kubelet when it registers its Node; kubeadm waits for it before patching the Node.</summary>
    public const string HostnameLabel = "kubernetes.io/hostname";
    public const string ExcludeFromExternalLoadBalancersLabel = "node.kubernetes.io/exclude-from-external-load-balancers";

    public static readonly IReadOnlyList<string> DefaultTokenUsages = ["signing", "authentication"];
    public static readonly IReadOnlyList<string> EncryptionAlgorithms = ["ECDSA-P256", "ECDSA-P384", "RSA-2048", "RSA-3072", "RSA-4096"];
    public static readonly IReadOnlyList<string> KnownCriSockets =
    [
        "unix:///var/run/containerd/containerd.sock",
        "unix:///var/run/crio/crio.sock",
        "unix:///var/run/cri-dockerd.sock",
    ];
}
