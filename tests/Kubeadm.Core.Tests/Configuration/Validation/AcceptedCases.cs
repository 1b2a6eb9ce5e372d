using Kubeadm.Core.Configuration;

namespace Kubeadm.Core.Tests.Configuration.Validation;

/// <summary>Edge cases that must pass, some with kubeadm's warnings.</summary>
internal static class AcceptedCases
{
    public static IEnumerable<AcceptedConfigCase> All =>
    [
        new("dual-stack service subnet", c => c.Cluster.Networking.ServiceSubnet = "10.96.0.0/16,fd00::/108"),
        new("dual-stack IPv6 first", c => c.Cluster.Networking.ServiceSubnet = "fd00::/112,10.96.0.0/12"),
        new("IPv6 service subnet /108", c => c.Cluster.Networking.ServiceSubnet = "fd00:1234::/108"),
        new("service subnet with host bits", c => c.Cluster.Networking.ServiceSubnet = "10.96.0.1/12"),
        new("service subnet empty", c => c.Cluster.Networking.ServiceSubnet = ""),
        new("pod subnet empty", c => c.Cluster.Networking.PodSubnet = ""),
        new("dual-stack pod subnet", c => c.Cluster.Networking.PodSubnet = "10.244.0.0/16,fd00:10::/56"),
        new("pod subnet large without node CIDRs", c =>
        {
            c.Cluster.Networking.PodSubnet = "10.0.0.0/7";
            c.Cluster.ControllerManager.ExtraArgs.Add(new Arg("allocate-node-cidrs", "false"));
        }),
        new("pod subnet with custom node mask", c =>
        {
            c.Cluster.Networking.PodSubnet = "10.0.0.0/8";
            c.Cluster.ControllerManager.ExtraArgs.Add(new Arg("node-cidr-mask-size-ipv4", "20"));
        }),
        new("wildcard SAN", c => c.Cluster.ApiServer.CertSans.Add("*.example.com")),
        new("IPv6 SAN", c => c.Cluster.Etcd.Local!.PeerCertSans.Add("fd00::1")),
        new("endpoint IPv6 with port", c => c.Cluster.ControlPlaneEndpoint = "[::1]:6443"),
        new("endpoint bare IPv6", c => c.Cluster.ControlPlaneEndpoint = "fd00::10"),
        new("endpoint IPv4 without port", c => c.Cluster.ControlPlaneEndpoint = "10.0.0.1"),
        new("endpoint empty", c => c.Cluster.ControlPlaneEndpoint = ""),
        new("advertise address empty", c => c.Init.LocalApiEndpoint.AdvertiseAddress = ""),
        new("advertise address IPv6", c => c.Init.LocalApiEndpoint.AdvertiseAddress = "fd00::10"),
        new("token empty", c => c.Init.BootstrapTokens[0].Token = ""),
        new("token expires without ttl", c =>
        {
            c.Init.BootstrapTokens[0].Ttl = null;
            c.Init.BootstrapTokens[0].Expires = DateTimeOffset.UnixEpoch;
        }),
        new("certificate key empty", c => c.Init.CertificateKey = ""),
        new("image pull policy empty", c => c.Init.NodeRegistration.ImagePullPolicy = ""),
        new("image repository with port", c => c.Cluster.ImageRepository = "localhost:5000/k8s"),
        new("image repository IPv6 host", c => c.Cluster.ImageRepository = "[fd00::1]:5000/mirror"),
        new("image repository nested path", c => c.Cluster.ImageRepository = "my-registry.example.com/a_b/c--d"),
        new("etcd image repository empty", c => c.Cluster.Etcd.Local!.ImageRepository = ""),
        new("external etcd over http", c =>
        {
            c.Cluster.Etcd = new global::Kubeadm.Core.Configuration.Etcd { External = new ExternalEtcd { Endpoints = ["http://10.0.0.5:2379"] } };
        }),
        new("external etcd with TLS", c => ValidConfigBuilder.UseExternalEtcd(c)),
        new("kubernetes version minimum", c => c.Cluster.KubernetesVersion = "v1.33.0"),
        new("kubernetes version pre-release of current minor", c => c.Cluster.KubernetesVersion = "v1.34.0-rc.1"),
        new("kubernetes version without v", c => c.Cluster.KubernetesVersion = "1.34.1"),
        new("supported feature gates", c =>
        {
            c.Cluster.FeatureGates["ControlPlaneKubeletLocalMode"] = false;
            c.Cluster.FeatureGates["RootlessControlPlane"] = true;
            c.Cluster.FeatureGates["WaitForAllControlPlaneComponents"] = true;
        }),
        new("ECDSA-P384", c => c.Cluster.EncryptionAlgorithm = "ECDSA-P384"),
        new("unset durations", c =>
        {
            c.Cluster.CertificateValidityPeriod = null;
            c.Init.Timeouts = new Timeouts();
            c.Init.BootstrapTokens[0].Ttl = TimeSpan.Zero;
        }),
        new("bare CRI socket path", c => c.Init.NodeRegistration.CriSocket = "/var/run/crio/crio.sock",
            "Usage of CRI endpoints without URL scheme is deprecated and can cause kubelet errors in the future. Automatically "
            + "prepending scheme \"unix\" to the \"criSocket\" with value \"/var/run/crio/crio.sock\". Please update your configuration!"),
        new("certificate validity above default", c => c.Cluster.CertificateValidityPeriod = TimeSpan.FromHours(9000),
            "certificateValidityPeriod: the value 9000h0m0s is more than the recommended default for certificate expiration: 8760h0m0s"),
        new("CA validity above default", c => c.Cluster.CaCertificateValidityPeriod = TimeSpan.FromHours(100000),
            "caCertificateValidityPeriod: the value 100000h0m0s is more than the recommended default for CA certificate expiration: 87600h0m0s"),
        new("site-local service subnet", c => c.Cluster.Networking.ServiceSubnet = "fec0::/108",
            "the subnet fec0::/108 contains IPv6 site-local addresses that belong to fec0::/10 which has been deprecated by rfc3879"),
        new("kubernetes version newer than kubeadm", c => c.Cluster.KubernetesVersion = "v1.35.0",
            "Kubernetes version is greater than kubeadm version. Please consider to upgrade kubeadm. Kubernetes version: 1.35.0. Kubeadm version: 1.34.x"),
        new("kubernetes version next minor pre-release", c => c.Cluster.KubernetesVersion = "v1.35.0-alpha.1",
            "Kubernetes version is greater than kubeadm version. Please consider to upgrade kubeadm. Kubernetes version: 1.35.0-alpha.1. Kubeadm version: 1.34.x"),
    ];
}
