using Kubeadm.Core.Configuration;
using Kubeadm.Core.Configuration.Defaulting;
using Kubeadm.Core.ControlPlane;

namespace Kubeadm.Core.Tests.ControlPlane;

/// <summary>The configurations the golden manifests are rendered from: node "n1" advertising 10.0.0.1 unless changed.</summary>
internal static class ManifestScenarios
{
    /// <summary>A Debian-like host: the three CA-trust directories Debian has, no proxy, the CA key present.</summary>
    public static readonly StaticPodHostFacts DebianHost = new(
        [], path => path is "/etc/ca-certificates" or "/usr/share/ca-certificates" or "/usr/local/share/ca-certificates", UsingExternalCa: false);

    public static KubeadmConfig Config(Action<KubeadmConfig>? change = null)
    {
        var config = ConfigDefaults.CreateDefault();
        config.Cluster.KubernetesVersion = "v1.34.2";
        config.Init.NodeRegistration.Name = "n1";
        config.Init.LocalApiEndpoint.AdvertiseAddress = "10.0.0.1";
        change?.Invoke(config);
        ConfigDefaults.Apply(config);
        return config;
    }

    /// <summary>Overrides for every component, including a v1beta4 duplicate argument and a replaced default.</summary>
    public static void ExtraArgs(KubeadmConfig config)
    {
        var cluster = config.Cluster;
        cluster.Networking.PodSubnet = "192.168.0.0/16";
        cluster.ApiServer.ExtraArgs =
        [
            new("enable-admission-plugins", "NodeRestriction,AlwaysPullImages"),
            new("authorization-mode", "Node,RBAC,Webhook"),
            new("audit-log-path", "/var/log/kubernetes/audit.log"),
            new("tls-cipher-suites", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"),
            new("tls-cipher-suites", "TLS_AES_128_GCM_SHA256"),
        ];
        cluster.ApiServer.ExtraVolumes = [new("audit", "/var/log/kubernetes", "/var/log/kubernetes", false, "DirectoryOrCreate")];
        cluster.ApiServer.ExtraEnvs = [new("GOMAXPROCS", "4"), new("HTTPS_PROXY", "http://override:3128")];
        cluster.ControllerManager.ExtraArgs = [new("bind-address", "0.0.0.0"), new("flex-volume-plugin-dir", "/opt/flex")];
        cluster.Scheduler.ExtraArgs = [new("profiling", "false")];
        cluster.Scheduler.ExtraVolumes = [new("kubeconfig", "/etc/kubernetes/custom-scheduler.conf", "/etc/kubernetes/scheduler.conf", true, "FileOrCreate")];
        config.Init.Timeouts.ControlPlaneComponentHealthCheck = TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(5);
        cluster.Etcd.Local = new LocalEtcd
        {
            ExtraArgs = [new("listen-metrics-urls", "http://0.0.0.0:2382,http://127.0.0.1:2381"), new("quota-backend-bytes", "8589934592")],
            ExtraEnvs = [new("ETCD_UNSUPPORTED_ARCH", "arm64")],
        };
    }

    public static void ExternalEtcd(KubeadmConfig config) =>
        config.Cluster.Etcd = new global::Kubeadm.Core.Configuration.Etcd
        {
            External = new Kubeadm.Core.Configuration.ExternalEtcd
            {
                Endpoints = ["https://10.0.0.5:2379", "https://10.0.0.6:2379"],
                CaFile = "/etc/etcd/pki/ca.crt",
                CertFile = "/etc/etcd/pki/client/apiserver-etcd-client.crt",
                KeyFile = "/etc/kubernetes/pki/apiserver-etcd-client.key",
            },
        };

    public static void Ipv6(KubeadmConfig config)
    {
        config.Init.LocalApiEndpoint.AdvertiseAddress = "fd00::10";
        config.Cluster.Networking.ServiceSubnet = "fd00:10:96::/112";
        config.Cluster.Networking.PodSubnet = "fd00:10:244::/56";
    }

    public static void CustomBindPort(KubeadmConfig config) => config.Init.LocalApiEndpoint.BindPort = 8443;
}
