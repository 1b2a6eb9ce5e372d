namespace Kubeadm.App.Join;

/// <summary>
/// What the user said on the `kubeadm join` command line. A null value means the flag was not given;
/// <see cref="ChangedFlags"/> names every flag given, for kubeadm's "--config cannot be mixed" rule.
/// </summary>
public sealed record JoinOptions
{
    /// <summary>The positional [api-server-endpoint].</summary>
    public string? Endpoint { get; init; }
    public string? ConfigPath { get; init; }
    public string? Token { get; init; }
    public string? DiscoveryToken { get; init; }
    public IReadOnlyList<string> CaCertHashes { get; init; } = [];
    public bool UnsafeSkipCaVerification { get; init; }
    public string? DiscoveryFile { get; init; }
    public string? TlsBootstrapToken { get; init; }
    public bool ControlPlane { get; init; }
    public string? CertificateKey { get; init; }
    public string? AdvertiseAddress { get; init; }
    public int? BindPort { get; init; }
    public string? NodeName { get; init; }
    public string? CriSocket { get; init; }
    public IReadOnlyList<string> IgnorePreflightErrors { get; init; } = [];
    public IReadOnlyList<string>? SkipPhases { get; init; }
    public string? PatchesDirectory { get; init; }
    public bool DryRun { get; init; }
    public string Rootfs { get; init; } = "/";
    public int Verbosity { get; init; }

    /// <summary>Our addition: --security-profile (cis or none); null when not given.</summary>
    public string? SecurityProfile { get; init; }

    /// <summary>Names (without dashes) of the flags given on the command line, in the order given.</summary>
    public IReadOnlyList<string> ChangedFlags { get; init; } = [];
}
