namespace Kubeadm.Core.Tests.Configuration.Validation;

/// <summary>apimachinery's long message texts, written once.</summary>
internal static class ExpectedMessages
{
    public const string Rfc1123Subdomain =
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and "
        + "end with an alphanumeric character (e.g. 'example.com', regex used for validation is "
        + @"'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

    public const string WildcardSubdomain =
        "a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must consist of lower "
        + "case alphanumeric characters, '-' or '.' and end with an alphanumeric character (e.g. '*.example.com', regex used "
        + @"for validation is '\*\.[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

    public const string BadSan = "altname is not a valid IP address, DNS label or a DNS label with subdomain wildcards: "
        + Rfc1123Subdomain + "; " + WildcardSubdomain;

    public const string NodeNameRequired =
        "nodeRegistration.name: Required value: --node-name or .nodeRegistration.name in the config file is a required value. "
        + "It seems like this value couldn't be automatically detected in your environment, please specify the desired value "
        + "using the CLI or config file.";
}
