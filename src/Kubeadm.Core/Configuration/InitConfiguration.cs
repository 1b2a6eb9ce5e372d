namespace Kubeadm.Core.Configuration;

/// <summary>
/// The internal (version-independent) form of kubeadm's InitConfiguration: `kubeadm init`-only runtime settings.
/// Both kubeadm.k8s.io/v1beta3 and v1beta4 documents decode into this; it is written back out as v1beta4.
/// </summary>
public sealed class InitConfiguration
{
    /// <summary>Bootstrap tokens to create; defaulting adds one empty token when the list is empty.</summary>
    public List<BootstrapToken> BootstrapTokens { get; set; } = [];

    public bool DryRun { get; set; }

    public NodeRegistrationOptions NodeRegistration { get; set; } = new();

    public ApiEndpoint LocalApiEndpoint { get; set; } = new();

    /// <summary>Hex-encoded 32-byte AES key for upload-certs; empty when not set.</summary>
    public string CertificateKey { get; set; } = "";

    public List<string> SkipPhases { get; set; } = [];

    public Patches? Patches { get; set; }

    public Timeouts Timeouts { get; set; } = new();
}
