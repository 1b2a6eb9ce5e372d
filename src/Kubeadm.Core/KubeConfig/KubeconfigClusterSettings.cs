using Kubeadm.Core.Configuration;
using Kubeadm.Core.Constants;
using Kubeadm.Core.Pki;

namespace Kubeadm.Core.KubeConfig;

/// <summary>What every kubeconfig file of one node shares: cluster name, node name, endpoints, key type and validity.</summary>
public sealed record KubeconfigClusterSettings
{
    public required string ClusterName { get; init; }

    public required string NodeName { get; init; }

    public string ControlPlaneEndpoint { get; init; } = "";

    public required string AdvertiseAddress { get; init; }

    public required int BindPort { get; init; }

    public KeyAlgorithm KeyAlgorithm { get; init; } = KeyAlgorithm.Rsa2048;

    /// <summary>How long client certificates are valid, counted from the run's start time.</summary>
    public TimeSpan CertificateValidity { get; init; } = KubeadmConstants.CertificateValidityPeriod;

    /// <summary>The settings of a defaulted configuration.</summary>
    public static KubeconfigClusterSettings From(KubeadmConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return new KubeconfigClusterSettings
        {
            ClusterName = config.Cluster.ClusterName,
            NodeName = config.Init.NodeRegistration.Name,
            ControlPlaneEndpoint = config.Cluster.ControlPlaneEndpoint,
            AdvertiseAddress = config.Init.LocalApiEndpoint.AdvertiseAddress,
            BindPort = config.Init.LocalApiEndpoint.BindPort,
            KeyAlgorithm = KeyAlgorithm.Parse(config.Cluster.EncryptionAlgorithm),
            CertificateValidity = config.Cluster.CertificateValidityPeriod ?? KubeadmConstants.CertificateValidityPeriod,
        };
    }

    public string ServerFor(KubeconfigFileSpec file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return ApiServerUrl.For(file.Server, ControlPlaneEndpoint, AdvertiseAddress, BindPort);
    }
}
