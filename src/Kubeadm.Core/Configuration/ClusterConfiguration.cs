namespace Kubeadm.Core.Configuration;

/// <summary>
/// The internal (version-independent) form of kubeadm's ClusterConfiguration: cluster-wide settings.
/// </summary>
public sealed class ClusterConfiguration
{
    public Etcd Etcd { get; set; } = new();

    public Networking Networking { get; set; } = new();

    /// <summary>A version ("v1.34.1") or a label ("stable-1") until resolved.</summary>
    public string KubernetesVersion { get; set; } = "";

    public string ControlPlaneEndpoint { get; set; } = "";

    public ApiServer ApiServer { get; set; } = new();

    public ControlPlaneComponent ControllerManager { get; set; } = new();

    public ControlPlaneComponent Scheduler { get; set; } = new();

    public Dns Dns { get; set; } = new();

    public Proxy Proxy { get; set; } = new();

    public string CertificatesDir { get; set; } = "";

    public string ImageRepository { get; set; } = "";

    /// <summary>Gate name to enabled; ordinal keys, insertion order is not significant (sorted when written).</summary>
    public SortedDictionary<string, bool> FeatureGates { get; set; } = new(StringComparer.Ordinal);

    public string ClusterName { get; set; } = "";

    /// <summary>RSA-2048, RSA-3072, RSA-4096, ECDSA-P256 or ECDSA-P384; empty until defaulted.</summary>
    public string EncryptionAlgorithm { get; set; } = "";

    public TimeSpan? CertificateValidityPeriod { get; set; }

    public TimeSpan? CaCertificateValidityPeriod { get; set; }
}
