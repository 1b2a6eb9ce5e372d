using Kubeadm.Core.BootstrapTokens;
using Kubeadm.Core.Errors;
using Kubeadm.Core.Join;

namespace Kubeadm.Core.Configuration.Validation;

/// <summary>
/// Validates a defaulted JoinConfiguration and reports every problem at once, in kubeadm's order: discovery,
/// nodeRegistration, controlPlane, caCertPath, then timeouts (which kubeadm does not check).
/// </summary>
public static class JoinConfigValidator
{
    public const string UnsafeWithoutHashes =
        "using token-based discovery without caCertHashes can be unsafe. Set unsafeSkipCAVerification as true in your kubeadm config file or pass --discovery-token-unsafe-skip-ca-verification flag to continue";

    public static ValidationResult Validate(JoinConfiguration join)
    {
        ArgumentNullException.ThrowIfNull(join);
        var issues = new ValidationIssues();
        ValidateDiscovery(join.Discovery, "discovery", issues);
        NodeRegistrationValidator.Validate(join.NodeRegistration, "nodeRegistration", issues);
        if (join.ControlPlane is { } controlPlane)
        {
            ValidateAdvertiseAddress(controlPlane.LocalApiEndpoint, "controlPlane.localAPIEndpoint", issues);
            InitSettingsValidator.ValidateApiEndpoint(controlPlane.LocalApiEndpoint, "controlPlane.localAPIEndpoint", issues);
            InitSettingsValidator.ValidateCertificateKey(controlPlane.CertificateKey, "controlPlane.certificateKey", issues);
        }

        if (!join.CaCertPath.StartsWith('/'))
        {
            issues.Add(ValidationError.Invalid("caCertPath", join.CaCertPath, "the ca certificate path must be an absolute path"));
        }
        else if (!join.CaCertPath.EndsWith(".crt", StringComparison.Ordinal))
        {
            issues.Add(ValidationError.Invalid("caCertPath", join.CaCertPath, "the ca certificate path must end with the \".crt\" extension"));
        }

        TimeoutsValidator.Validate(join.Timeouts, "timeouts", issues);
        return issues.ToResult();
    }

    /// <exception cref="ValidationException">Carries every error, each formatted as kubeadm prints it.</exception>
    public static ValidationResult ValidateOrThrow(JoinConfiguration join)
    {
        var result = Validate(join);
        if (!result.IsValid)
        {
            throw new ValidationException([.. result.Errors.Select(e => e.ToString())]);
        }

        return result;
    }

    private static void ValidateDiscovery(Discovery discovery, string path, ValidationIssues issues)
    {
        if (discovery.BootstrapToken is null && discovery.File is null)
        {
            issues.Add(ValidationError.Invalid(path, "", "bootstrapToken or file must be set"));
        }

        if (discovery.BootstrapToken is not null && discovery.File is not null)
        {
            issues.Add(ValidationError.Invalid(path, "", "bootstrapToken and file cannot both be set"));
        }

        if (discovery.BootstrapToken is { } token)
        {
            ValidateBootstrapToken(token, FieldPath.Child(path, "bootstrapToken"), issues);
            ValidateToken(discovery.TlsBootstrapToken, FieldPath.Child(path, "tlsBootstrapToken"), issues);
        }

        if (discovery.File is { } file)
        {
            ValidateFile(file.KubeConfigPath, FieldPath.Child(path, "file.kubeConfigPath"), issues);
            if (discovery.TlsBootstrapToken.Length > 0)
            {
                ValidateToken(discovery.TlsBootstrapToken, FieldPath.Child(path, "tlsBootstrapToken"), issues);
            }
        }
    }

    private static void ValidateBootstrapToken(BootstrapTokenDiscovery token, string path, ValidationIssues issues)
    {
        var endpointPath = FieldPath.Child(path, "apiServerEndpoint");
        if (token.ApiServerEndpoint.Length == 0)
        {
            issues.Add(ValidationError.Invalid(endpointPath, token.ApiServerEndpoint, "APIServerEndpoint is not set"));
        }
        else if (!HostPort.TrySplit(token.ApiServerEndpoint, out _, out var port))
        {
            issues.Add(ValidationError.Invalid(endpointPath, token.ApiServerEndpoint, $"address {token.ApiServerEndpoint}: missing port in address"));
        }
        else if (!HostPort.IsValidPort(port))
        {
            issues.Add(ValidationError.Invalid(endpointPath, token.ApiServerEndpoint, "port number is not valid"));
        }

        ValidateToken(token.Token, FieldPath.Child(path, "token"), issues);
        if (token.CaCertHashes.Count == 0 && !token.UnsafeSkipCaVerification)
        {
            issues.Add(ValidationError.Invalid(path, "", UnsafeWithoutHashes));
        }

        for (var i = 0; i < token.CaCertHashes.Count; i++)
        {
            if (CaCertHashes.ParseError(token.CaCertHashes[i]) is { } error)
            {
                issues.Add(ValidationError.Invalid(FieldPath.Index(FieldPath.Child(path, "caCertHashes"), i), token.CaCertHashes[i], error));
            }
        }
    }

    private static void ValidateToken(string token, string path, ValidationIssues issues)
    {
        if (!BootstrapTokenString.TryParse(token, out _))
        {
            issues.Add(ValidationError.Invalid(path, SecretRedaction.BootstrapToken(token), "the bootstrap token is invalid"));
        }
    }

    private static void ValidateFile(string location, string path, ValidationIssues issues)
    {
        if (location.Length == 0)
        {
            issues.Add(ValidationError.Invalid(path, location, "not a valid HTTPS URL or a file on disk"));
            return;
        }

        var schemeEnd = location.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd > 0 && !location[..schemeEnd].Equals("https", StringComparison.OrdinalIgnoreCase))
        {
            issues.Add(ValidationError.Invalid(path, location, "if a URL is used, the scheme must be https"));
        }
    }

    private static void ValidateAdvertiseAddress(ApiEndpoint endpoint, string path, ValidationIssues issues)
    {
        // Empty is filled from the default-route interface before validation; anything left empty is an error here.
        if (endpoint.AdvertiseAddress.Length == 0)
        {
            issues.Add(ValidationError.Invalid(FieldPath.Child(path, "advertiseAddress"), "", "ip address is not valid"));
        }
    }
}
