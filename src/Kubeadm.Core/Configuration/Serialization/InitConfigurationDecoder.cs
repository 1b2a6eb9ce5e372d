namespace Kubeadm.Core.Configuration.Serialization;

/// <summary>Decodes a kubeadm.k8s.io v1beta3 or v1beta4 InitConfiguration into the internal model.</summary>
internal static class InitConfigurationDecoder
{
    public static void Decode(StrictMappingReader reader, bool isV1Beta4, InitConfiguration init)
    {
        reader.Skip("apiVersion");
        reader.Skip("kind");
        init.BootstrapTokens = ConfigShapesDecoder.BootstrapTokens(reader, "bootstrapTokens") ?? init.BootstrapTokens;
        reader.Section("nodeRegistration", r => DecodeNodeRegistration(r, isV1Beta4, init.NodeRegistration));
        reader.Section("localAPIEndpoint", r =>
        {
            init.LocalApiEndpoint.AdvertiseAddress = r.String("advertiseAddress") ?? "";
            init.LocalApiEndpoint.BindPort = r.Int32("bindPort") ?? 0;
        });
        init.CertificateKey = reader.String("certificateKey") ?? "";
        init.SkipPhases = reader.StringList("skipPhases") ?? [];
        init.Patches = reader.Object("patches", r => new Patches { Directory = r.String("directory") ?? "" });
        if (isV1Beta4)
        {
            init.DryRun = reader.Bool("dryRun") ?? false;
            reader.Section("timeouts", r => DecodeTimeouts(r, init.Timeouts));
        }
    }

    internal static void DecodeNodeRegistration(StrictMappingReader reader, bool isV1Beta4, NodeRegistrationOptions options)
    {
        options.Name = reader.String("name") ?? "";
        options.CriSocket = reader.String("criSocket") ?? "";
        options.Taints = ConfigShapesDecoder.Taints(reader, "taints");
        options.KubeletExtraArgs = ConfigShapesDecoder.Args(reader, "kubeletExtraArgs", isV1Beta4) ?? [];
        options.IgnorePreflightErrors = reader.StringList("ignorePreflightErrors") ?? [];
        options.ImagePullPolicy = reader.String("imagePullPolicy") ?? "";
        if (isV1Beta4)
        {
            options.ImagePullSerial = reader.Bool("imagePullSerial");
        }
    }

    internal static void DecodeTimeouts(StrictMappingReader reader, Timeouts timeouts)
    {
        timeouts.ControlPlaneComponentHealthCheck = reader.Duration("controlPlaneComponentHealthCheck");
        timeouts.KubeletHealthCheck = reader.Duration("kubeletHealthCheck");
        timeouts.KubernetesApiCall = reader.Duration("kubernetesAPICall");
        timeouts.EtcdApiCall = reader.Duration("etcdAPICall");
        timeouts.TlsBootstrap = reader.Duration("tlsBootstrap");
        timeouts.Discovery = reader.Duration("discovery");
        timeouts.UpgradeManifests = reader.Duration("upgradeManifests");
    }
}
