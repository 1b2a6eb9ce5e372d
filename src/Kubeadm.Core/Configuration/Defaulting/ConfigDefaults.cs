using System.Text.Json.Nodes;
using Kubeadm.Core.Constants;

namespace Kubeadm.Core.Configuration.Defaulting;

/// <summary>
/// kubeadm's static v1beta4 defaults (the API defaulting functions). Host-derived values (node name, advertise
/// address, CRI socket, control-plane taint, token generation, version-label resolution) are set elsewhere.
/// </summary>
public static class ConfigDefaults
{
    /// <summary>A new config with every static default applied.</summary>
    public static KubeadmConfig CreateDefault()
    {
        var config = new KubeadmConfig();
        Apply(config);
        return config;
    }

    /// <summary>Fills every unset field that has a static default; set fields are left alone.</summary>
    public static void Apply(KubeadmConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        ApplyInit(config.Init);
        ApplyCluster(config.Cluster);
    }

    private static void ApplyInit(InitConfiguration init)
    {
        if (init.BootstrapTokens.Count == 0)
        {
            init.BootstrapTokens.Add(new BootstrapToken());
        }

        foreach (var token in init.BootstrapTokens)
        {
            if (token.Ttl is null && token.Expires is null)
            {
                token.Ttl = KubeadmConstants.DefaultTokenTtl;
            }

            if (token.Usages.Count == 0)
            {
                token.Usages = [.. KubeadmConstants.DefaultTokenUsages];
            }

            if (token.Groups.Count == 0)
            {
                token.Groups = [KubeadmConstants.NodeBootstrapTokenAuthGroup];
            }
        }

        if (init.LocalApiEndpoint.BindPort == 0)
        {
            init.LocalApiEndpoint.BindPort = KubeadmConstants.DefaultApiServerBindPort;
        }

        var registration = init.NodeRegistration;
        registration.ImagePullPolicy = Or(registration.ImagePullPolicy, KubeadmConstants.DefaultImagePullPolicy);
        registration.ImagePullSerial ??= true;
        ApplyTimeouts(init.Timeouts);
    }

    /// <summary>v1beta4's timeout defaults, shared by InitConfiguration and JoinConfiguration.</summary>
    internal static void ApplyTimeouts(Timeouts timeouts)
    {
        timeouts.ControlPlaneComponentHealthCheck ??= KubeadmConstants.ControlPlaneComponentHealthCheckTimeout;
        timeouts.KubeletHealthCheck ??= KubeadmConstants.KubeletHealthCheckTimeout;
        timeouts.KubernetesApiCall ??= KubeadmConstants.KubernetesApiCallTimeout;
        timeouts.EtcdApiCall ??= KubeadmConstants.EtcdApiCallTimeout;
        timeouts.TlsBootstrap ??= KubeadmConstants.TlsBootstrapTimeout;
        timeouts.Discovery ??= KubeadmConstants.DiscoveryTimeout;
        timeouts.UpgradeManifests ??= KubeadmConstants.UpgradeManifestsTimeout;
    }

    private static void ApplyCluster(ClusterConfiguration cluster)
    {
        cluster.KubernetesVersion = Or(cluster.KubernetesVersion, KubeadmConstants.DefaultKubernetesVersionLabel);
        cluster.Networking.ServiceSubnet = Or(cluster.Networking.ServiceSubnet, KubeadmConstants.DefaultServiceSubnet);
        cluster.Networking.DnsDomain = Or(cluster.Networking.DnsDomain, KubeadmConstants.DefaultDnsDomain);
        cluster.CertificatesDir = Or(cluster.CertificatesDir, KubeadmConstants.DefaultCertificatesDir);
        cluster.ImageRepository = Or(cluster.ImageRepository, KubeadmConstants.DefaultImageRepository);
        cluster.ClusterName = Or(cluster.ClusterName, KubeadmConstants.DefaultClusterName);
        cluster.EncryptionAlgorithm = Or(cluster.EncryptionAlgorithm, KubeadmConstants.DefaultEncryptionAlgorithm);
        cluster.CertificateValidityPeriod ??= KubeadmConstants.CertificateValidityPeriod;
        cluster.CaCertificateValidityPeriod ??= KubeadmConstants.CaCertificateValidityPeriod;
        if (cluster.Etcd.Local is null && cluster.Etcd.External is null)
        {
            cluster.Etcd.Local = new LocalEtcd();
        }

        if (cluster.Etcd.Local is { } local)
        {
            local.DataDir = Or(local.DataDir, KubeadmConstants.DefaultEtcdDataDir);
            DefaultFieldRefApiVersion(local.ExtraEnvs);
        }

        DefaultFieldRefApiVersion(cluster.ApiServer.ExtraEnvs);
        DefaultFieldRefApiVersion(cluster.ControllerManager.ExtraEnvs);
        DefaultFieldRefApiVersion(cluster.Scheduler.ExtraEnvs);
    }

    /// <summary>core/v1 defaulting: an env var's valueFrom.fieldRef.apiVersion is "v1" when unset.</summary>
    private static void DefaultFieldRefApiVersion(List<EnvVar> envs)
    {
        foreach (var env in envs)
        {
            if (env.ValueFrom?["fieldRef"] is JsonObject fieldRef && fieldRef["apiVersion"] is null)
            {
                fieldRef["apiVersion"] = "v1";
            }
        }
    }

    private static string Or(string value, string fallback) => value.Length > 0 ? value : fallback;
}
