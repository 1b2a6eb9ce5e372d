namespace Kubeadm.Core.Configuration.Serialization;

/// <summary>
/// Decodes a kubeadm.k8s.io v1beta3 or v1beta4 JoinConfiguration into the internal model. v1beta3's
/// discovery.timeout becomes timeouts.discovery, as kubeadm's conversion does.
/// </summary>
internal static class JoinConfigurationDecoder
{
    public static JoinConfiguration Decode(StrictMappingReader reader, bool isV1Beta4)
    {
        var join = new JoinConfiguration();
        reader.Skip("apiVersion");
        reader.Skip("kind");
        reader.Section("nodeRegistration", r => InitConfigurationDecoder.DecodeNodeRegistration(r, isV1Beta4, join.NodeRegistration));
        join.CaCertPath = reader.String("caCertPath") ?? "";
        reader.Section("discovery", r => DecodeDiscovery(r, isV1Beta4, join));
        join.ControlPlane = reader.Object("controlPlane", r =>
        {
            var controlPlane = new JoinControlPlane();
            r.Section("localAPIEndpoint", e =>
            {
                controlPlane.LocalApiEndpoint.AdvertiseAddress = e.String("advertiseAddress") ?? "";
                controlPlane.LocalApiEndpoint.BindPort = e.Int32("bindPort") ?? 0;
            });
            controlPlane.CertificateKey = r.String("certificateKey") ?? "";
            return controlPlane;
        });
        join.SkipPhases = reader.StringList("skipPhases") ?? [];
        join.Patches = reader.Object("patches", r => new Patches { Directory = r.String("directory") ?? "" });
        if (isV1Beta4)
        {
            join.DryRun = reader.Bool("dryRun") ?? false;
            reader.Section("timeouts", r => InitConfigurationDecoder.DecodeTimeouts(r, join.Timeouts));
        }

        return join;
    }

    private static void DecodeDiscovery(StrictMappingReader reader, bool isV1Beta4, JoinConfiguration join)
    {
        var discovery = join.Discovery;
        discovery.BootstrapToken = reader.Object("bootstrapToken", r => new BootstrapTokenDiscovery
        {
            Token = r.String("token") ?? "",
            ApiServerEndpoint = r.String("apiServerEndpoint") ?? "",
            CaCertHashes = r.StringList("caCertHashes") ?? [],
            UnsafeSkipCaVerification = r.Bool("unsafeSkipCAVerification") ?? false,
        });
        discovery.File = reader.Object("file", r => new FileDiscovery { KubeConfigPath = r.String("kubeConfigPath") ?? "" });
        discovery.TlsBootstrapToken = reader.String("tlsBootstrapToken") ?? "";
        if (!isV1Beta4)
        {
            join.Timeouts.Discovery = reader.Duration("timeout");
        }
    }
}
