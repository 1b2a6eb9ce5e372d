namespace Kubeadm.Core.Configuration.Serialization;

/// <summary>Decodes a kubeadm.k8s.io v1beta3 or v1beta4 ClusterConfiguration into the internal model.</summary>
internal static class ClusterConfigurationDecoder
{
    /// <summary>The v1beta3-only feature gate that v1beta4 replaced with encryptionAlgorithm ECDSA-P256.</summary>
    private const string PublicKeysEcdsaGate = "PublicKeysECDSA";

    public static void Decode(StrictMappingReader reader, bool isV1Beta4, KubeadmConfig config)
    {
        var cluster = config.Cluster;
        reader.Skip("apiVersion");
        reader.Skip("kind");
        reader.Section("etcd", r => DecodeEtcd(r, isV1Beta4, cluster.Etcd));
        reader.Section("networking", r =>
        {
            cluster.Networking.ServiceSubnet = r.String("serviceSubnet") ?? "";
            cluster.Networking.PodSubnet = r.String("podSubnet") ?? "";
            cluster.Networking.DnsDomain = r.String("dnsDomain") ?? "";
        });
        cluster.KubernetesVersion = reader.String("kubernetesVersion") ?? "";
        cluster.ControlPlaneEndpoint = reader.String("controlPlaneEndpoint") ?? "";
        reader.Section("apiServer", r =>
        {
            DecodeComponent(r, isV1Beta4, cluster.ApiServer);
            cluster.ApiServer.CertSans = r.StringList("certSANs") ?? [];
            if (!isV1Beta4)
            {
                config.Init.Timeouts.ControlPlaneComponentHealthCheck = r.Duration("timeoutForControlPlane");
            }
        });
        reader.Section("controllerManager", r => DecodeComponent(r, isV1Beta4, cluster.ControllerManager));
        reader.Section("scheduler", r => DecodeComponent(r, isV1Beta4, cluster.Scheduler));
        reader.Section("dns", r =>
        {
            cluster.Dns.ImageRepository = r.String("imageRepository") ?? "";
            cluster.Dns.ImageTag = r.String("imageTag") ?? "";
            cluster.Dns.Disabled = isV1Beta4 && (r.Bool("disabled") ?? false);
        });
        cluster.CertificatesDir = reader.String("certificatesDir") ?? "";
        cluster.ImageRepository = reader.String("imageRepository") ?? "";
        cluster.FeatureGates = new(StringComparer.Ordinal);
        foreach (var (gate, enabled) in reader.Map("featureGates", reader.Values.Bool) ?? [])
        {
            cluster.FeatureGates[gate] = enabled == true;
        }

        cluster.ClusterName = reader.String("clusterName") ?? "";
        if (isV1Beta4)
        {
            reader.Section("proxy", r => cluster.Proxy.Disabled = r.Bool("disabled") ?? false);
            cluster.EncryptionAlgorithm = reader.String("encryptionAlgorithm") ?? "";
            cluster.CertificateValidityPeriod = reader.Duration("certificateValidityPeriod");
            cluster.CaCertificateValidityPeriod = reader.Duration("caCertificateValidityPeriod");
        }
        else if (cluster.FeatureGates.Remove(PublicKeysEcdsaGate, out var ecdsa) && ecdsa)
        {
            cluster.EncryptionAlgorithm = "ECDSA-P256";
        }
    }

    private static void DecodeEtcd(StrictMappingReader reader, bool isV1Beta4, Etcd etcd)
    {
        etcd.Local = reader.Object("local", r => new LocalEtcd
        {
            ImageRepository = r.String("imageRepository") ?? "",
            ImageTag = r.String("imageTag") ?? "",
            DataDir = r.String("dataDir") ?? "",
            ExtraArgs = ConfigShapesDecoder.Args(r, "extraArgs", isV1Beta4) ?? [],
            ExtraEnvs = (isV1Beta4 ? ConfigShapesDecoder.EnvVars(r, "extraEnvs") : null) ?? [],
            ServerCertSans = r.StringList("serverCertSANs") ?? [],
            PeerCertSans = r.StringList("peerCertSANs") ?? [],
        });
        etcd.External = reader.Object("external", r => new ExternalEtcd
        {
            Endpoints = r.StringList("endpoints") ?? [],
            CaFile = r.String("caFile") ?? "",
            CertFile = r.String("certFile") ?? "",
            KeyFile = r.String("keyFile") ?? "",
        });
    }

    private static void DecodeComponent(StrictMappingReader reader, bool isV1Beta4, ControlPlaneComponent component)
    {
        component.ExtraArgs = ConfigShapesDecoder.Args(reader, "extraArgs", isV1Beta4) ?? [];
        component.ExtraVolumes = ConfigShapesDecoder.Volumes(reader, "extraVolumes") ?? [];
        if (isV1Beta4)
        {
            component.ExtraEnvs = ConfigShapesDecoder.EnvVars(reader, "extraEnvs") ?? [];
        }
    }
}
