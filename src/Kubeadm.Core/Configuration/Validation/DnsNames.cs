using System.Text.RegularExpressions;

namespace Kubeadm.Core.Configuration.Validation;

/// <summary>apimachinery's IsDNS1123Subdomain / IsWildcardDNS1123Subdomain, with the same messages.</summary>
internal static partial class DnsNames
{
    public const int MaxSubdomainLength = 253;

    private const string SubdomainFormat = @"[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*";
    private const string WildcardSubdomainFormat = @"\*\." + SubdomainFormat;

    private const string SubdomainMessage =
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', "
        + "and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '"
        + SubdomainFormat + "')";

    private const string WildcardSubdomainMessage =
        "a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must consist of "
        + "lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character (e.g. '*.example.com', "
        + "regex used for validation is '" + WildcardSubdomainFormat + "')";

    /// <summary>Every reason <paramref name="value"/> is not a DNS-1123 subdomain; empty when it is one.</summary>
    public static IReadOnlyList<string> SubdomainErrors(string value) =>
        Errors(value, SubdomainRegex().IsMatch(value), SubdomainMessage);

    /// <summary>Every reason <paramref name="value"/> is not a wildcard subdomain such as <c>*.example.com</c>.</summary>
    public static IReadOnlyList<string> WildcardSubdomainErrors(string value) =>
        Errors(value, WildcardSubdomainRegex().IsMatch(value), WildcardSubdomainMessage);

    public static bool IsSubdomain(string value) => SubdomainErrors(value).Count == 0;

    private static List<string> Errors(string value, bool matches, string formatMessage)
    {
        var errors = new List<string>(2);
        if (value.Length > MaxSubdomainLength)
        {
            errors.Add($"must be no more than {MaxSubdomainLength} characters");
        }

        if (!matches)
        {
            errors.Add(formatMessage);
        }

        return errors;
    }

    [GeneratedRegex(@"^" + SubdomainFormat + @"\z", RegexOptions.CultureInvariant)]
    private static partial Regex SubdomainRegex();

    [GeneratedRegex(@"^" + WildcardSubdomainFormat + @"\z", RegexOptions.CultureInvariant)]
    private static partial Regex WildcardSubdomainRegex();
}
