namespace Kubeadm.App.Init;

/// <summary>
/// What the user said on the `kubeadm init` command line. A null value means the flag was not given;
/// <see cref="ChangedFlags"/> names every flag given, for kubeadm's "--config cannot be mixed" rule.
/// </summary>
public sealed record InitOptions
{
    public string? ConfigPath { get; init; }
    public string? AdvertiseAddress { get; init; }
    public int? BindPort { get; init; }
    public string? ControlPlaneEndpoint { get; init; }
    public string? PodNetworkCidr { get; init; }
    public string? ServiceCidr { get; init; }
    public string? ServiceDnsDomain { get; init; }
    public string? KubernetesVersion { get; init; }
    public string? CertDir { get; init; }
    public IReadOnlyList<string>? CertExtraSans { get; init; }
    public string? FeatureGates { get; init; }
    public string? ImageRepository { get; init; }
    public string? NodeName { get; init; }
    public string? CriSocket { get; init; }
    public string? Token { get; init; }
    public string? TokenTtl { get; init; }
    public string? CertificateKey { get; init; }
    public IReadOnlyList<string>? SkipPhases { get; init; }
    public string? PatchesDirectory { get; init; }
    public bool DryRun { get; init; }
    public IReadOnlyList<string> IgnorePreflightErrors { get; init; } = [];
    public bool UploadCerts { get; init; }
    public bool SkipTokenPrint { get; init; }
    public bool SkipCertificateKeyPrint { get; init; }
    public string Rootfs { get; init; } = "/";
    public int Verbosity { get; init; }
    public string? KubeconfigPath { get; init; }
    public string? KubeconfigDir { get; init; }

    /// <summary>Our addition: --security-profile (cis or none); null when not given.</summary>
    public string? SecurityProfile { get; init; }

    /// <summary>Names (without dashes) of the flags given on the command line, in the order given.</summary>
    public IReadOnlyList<string> ChangedFlags { get; init; } = [];
}
