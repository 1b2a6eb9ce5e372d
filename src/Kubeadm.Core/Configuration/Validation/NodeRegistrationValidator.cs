namespace Kubeadm.Core.Configuration.Validation;

/// <summary>nodeRegistration: node name, CRI socket, kubelet extra args and image pull policy.</summary>
internal static class NodeRegistrationValidator
{
    public const string UnixScheme = "unix";

    private const string NameRequiredMessage =
        "--node-name or .nodeRegistration.name in the config file is a required value. It seems like this value couldn't "
        + "be automatically detected in your environment, please specify the desired value using the CLI or config file.";

    private static readonly string[] PullPolicies = ["", "Always", "IfNotPresent", "Never"];

    public static void Validate(NodeRegistrationOptions node, string path, ValidationIssues issues)
    {
        ValidateName(node.Name, FieldPath.Child(path, "name"), issues);
        ValidateCriSocket(node.CriSocket, FieldPath.Child(path, "criSocket"), issues);
        ExtraArgsValidator.Validate(node.KubeletExtraArgs, FieldPath.Child(path, "kubeletExtraArgs"), issues);
        if (!PullPolicies.Contains(node.ImagePullPolicy, StringComparer.Ordinal))
        {
            issues.Add(ValidationError.Invalid(FieldPath.Child(path, "imagePullPolicy"), node.ImagePullPolicy, "invalid pull policy"));
        }
    }

    private static void ValidateName(string name, string path, ValidationIssues issues)
    {
        if (name.Length == 0)
        {
            issues.Add(ValidationError.Required(path, NameRequiredMessage));
            return;
        }

        foreach (var message in DnsNames.SubdomainErrors(name))
        {
            issues.Add(ValidationError.Invalid(path, name, message));
        }
    }

    private static void ValidateCriSocket(string socket, string path, ValidationIssues issues)
    {
        if (socket.Length == 0)
        {
            issues.Add(ValidationError.Invalid(path, socket, "empty CRI socket"));
            return;
        }

        var parseError = GoUrl.TryParse(socket, out var scheme);
        if (parseError is not null)
        {
            issues.Add(ValidationError.Invalid(path, socket, "URL parsing error: " + parseError));
            return;
        }

        // kubeadm's defaulting turns a bare absolute path into a unix:// URL (with this warning) before validating it.
        if (scheme.Length == 0 && socket.StartsWith('/'))
        {
            issues.Warn(
                "Usage of CRI endpoints without URL scheme is deprecated and can cause kubelet errors in the future. "
                + $"Automatically prepending scheme {GoFormat.Quote(UnixScheme)} to the \"criSocket\" with value {GoFormat.Quote(socket)}. "
                + "Please update your configuration!");
            return;
        }

        if (scheme != UnixScheme)
        {
            issues.Add(ValidationError.Invalid(
                path, socket, $"only URL scheme {GoFormat.Quote(UnixScheme)} is supported, got {GoFormat.Quote(scheme)}"));
        }
    }
}
