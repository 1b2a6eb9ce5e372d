using Kubeadm.Core.Configuration;
using Kubeadm.Core.Configuration.Serialization;
using Kubeadm.Core.Errors;

namespace Kubeadm.App.Init;

/// <summary>Writes the config-bound `kubeadm init` flags into the configuration (flags given win over the file).</summary>
public static class InitFlagsApplier
{
    public static void Apply(KubeadmConfig config, InitOptions options)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(options);
        var init = config.Init;
        var cluster = config.Cluster;

        Set(options.AdvertiseAddress, v => init.LocalApiEndpoint.AdvertiseAddress = v);
        if (options.BindPort is { } port)
        {
            init.LocalApiEndpoint.BindPort = port;
        }

        Set(options.ControlPlaneEndpoint, v => cluster.ControlPlaneEndpoint = v);
        Set(options.PodNetworkCidr, v => cluster.Networking.PodSubnet = v);
        Set(options.ServiceCidr, v => cluster.Networking.ServiceSubnet = v);
        Set(options.ServiceDnsDomain, v => cluster.Networking.DnsDomain = v);
        Set(options.KubernetesVersion, v => cluster.KubernetesVersion = v);
        Set(options.CertDir, v => cluster.CertificatesDir = v);
        Set(options.ImageRepository, v => cluster.ImageRepository = v);
        Set(options.NodeName, v => init.NodeRegistration.Name = v);
        Set(options.CriSocket, v => init.NodeRegistration.CriSocket = v);
        Set(options.CertificateKey, v => init.CertificateKey = v);
        Set(options.PatchesDirectory, v => init.Patches = new Patches { Directory = v });
        if (options.CertExtraSans is { } sans)
        {
            cluster.ApiServer.CertSans = [.. sans];
        }

        if (options.FeatureGates is { } gates)
        {
            foreach (var (name, enabled) in FeatureGatesFlag.Parse(gates))
            {
                cluster.FeatureGates[name] = enabled;
            }
        }

        if (options.SkipPhases is { Count: > 0 } skip)
        {
            init.SkipPhases = [.. skip];
        }

        if (options.DryRun)
        {
            init.DryRun = true;
        }

        ApplyToken(init, options);
    }

    private static void ApplyToken(InitConfiguration init, InitOptions options)
    {
        if (options.Token is null && options.TokenTtl is null)
        {
            return;
        }

        if (init.BootstrapTokens.Count == 0)
        {
            init.BootstrapTokens.Add(new BootstrapToken());
        }

        var token = init.BootstrapTokens[0];
        if (options.Token is { } value)
        {
            token.Token = value;
        }

        if (options.TokenTtl is { } ttl)
        {
            token.Ttl = GoDuration.TryParse(ttl, out var parsed)
                ? parsed
                : throw new KubeadmUserException(
                    $"invalid argument \"{ttl}\" for \"--token-ttl\" flag: want a duration such as 24h0m0s, 2h45m or 0 (never expires)");
        }
    }

    private static void Set(string? value, Action<string> assign)
    {
        if (value is not null)
        {
            assign(value);
        }
    }
}
