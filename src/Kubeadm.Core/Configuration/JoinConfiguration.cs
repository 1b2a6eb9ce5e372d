namespace Kubeadm.Core.Configuration;

/// <summary>
/// The internal (version-independent) form of kubeadm's JoinConfiguration: how this node finds and trusts the cluster
/// (discovery), how it registers, and, when <see cref="ControlPlane"/> is set, how it hosts a new control-plane instance.
/// Both kubeadm.k8s.io/v1beta3 and v1beta4 documents decode into this; it is written back out as v1beta4.
/// </summary>
public sealed class JoinConfiguration
{
    public bool DryRun { get; set; }

    public NodeRegistrationOptions NodeRegistration { get; set; } = new();

    /// <summary>Where the cluster CA certificate is written on a worker (default /etc/kubernetes/pki/ca.crt).</summary>
    public string CaCertPath { get; set; } = "";

    public Discovery Discovery { get; set; } = new();

    /// <summary>Null for a worker; set for a control-plane join.</summary>
    public JoinControlPlane? ControlPlane { get; set; }

    public List<string> SkipPhases { get; set; } = [];

    public Patches? Patches { get; set; }

    public Timeouts Timeouts { get; set; } = new();

    /// <summary>Our addition: --security-profile, or a SecurityProfile document beside the JoinConfiguration.</summary>
    public Security.SecurityProfile SecurityProfile { get; set; }
}

/// <summary>discovery: exactly one of <see cref="BootstrapToken"/> and <see cref="File"/>, plus the TLS bootstrap token.</summary>
public sealed class Discovery
{
    public BootstrapTokenDiscovery? BootstrapToken { get; set; }

    public FileDiscovery? File { get; set; }

    /// <summary>The token the kubelet authenticates its TLS bootstrap with (defaulted from the discovery token).</summary>
    public string TlsBootstrapToken { get; set; } = "";
}

/// <summary>discovery.bootstrapToken: fetch cluster-info from an API server and trust it through the token's JWS and CA pins.</summary>
public sealed class BootstrapTokenDiscovery
{
    public string Token { get; set; } = "";

    /// <summary>host:port of the API server asked for cluster-info (only that first, unauthenticated fetch).</summary>
    public string ApiServerEndpoint { get; set; } = "";

    /// <summary>"sha256:&lt;hex&gt;" pins of the CA's public key; any match is enough.</summary>
    public List<string> CaCertHashes { get; set; } = [];

    public bool UnsafeSkipCaVerification { get; set; }
}

/// <summary>discovery.file: a kubeconfig file on disk or an https:// URL.</summary>
public sealed class FileDiscovery
{
    public string KubeConfigPath { get; set; } = "";
}

/// <summary>controlPlane: this node's API server endpoint and the key to decrypt the kubeadm-certs Secret with.</summary>
public sealed class JoinControlPlane
{
    public ApiEndpoint LocalApiEndpoint { get; set; } = new();

    /// <summary>Hex of a 32-byte AES key; empty means "certificates are already on disk".</summary>
    public string CertificateKey { get; set; } = "";
}
