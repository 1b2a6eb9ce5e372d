using System.Text.RegularExpressions;
using Kubeadm.Core.Configuration.Serialization;

namespace Kubeadm.Core.Configuration.Validation;

/// <summary>bootstrapTokens[i]: token format, usages, extra groups, and TTL vs. Expires.</summary>
internal static partial class BootstrapTokenValidator
{
    private const string AuthenticationUsage = "authentication";
    private const string GroupPattern = @"\Asystem:bootstrappers:[a-z0-9:-]{0,255}[a-z0-9]\z";

    private static readonly string[] KnownUsages = ["signing", AuthenticationUsage];

    public static void Validate(IReadOnlyList<BootstrapToken> tokens, string path, ValidationIssues issues)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            ValidateOne(tokens[i], FieldPath.Index(path, i), issues);
        }
    }

    private static void ValidateOne(BootstrapToken token, string path, ValidationIssues issues)
    {
        // An empty token is generated at runtime, after validation.
        if (token.Token.Length > 0 && !TokenRegex().IsMatch(token.Token))
        {
            issues.Add(ValidationError.Invalid(
                FieldPath.Child(path, "token"), SecretRedaction.BootstrapToken(token.Token), "the bootstrap token is invalid"));
        }

        ValidateUsages(token.Usages, FieldPath.Child(path, "usages"), issues);
        ValidateGroups(token, FieldPath.Child(path, "groups"), issues);

        if (token.Ttl is not null && token.Expires is not null)
        {
            issues.Add(ValidationError.Invalid(path, "", "the BootstrapToken .TTL and .Expires fields are mutually exclusive"));
        }

        if (token.Ttl is { } ttl && ttl < TimeSpan.Zero)
        {
            issues.Add(ValidationError.InvalidLiteral(FieldPath.Child(path, "ttl"), GoDuration.Format(ttl), "must not be negative"));
        }
    }

    private static void ValidateUsages(List<string> usages, string path, ValidationIssues issues)
    {
        var unknown = usages.Where(u => !KnownUsages.Contains(u, StringComparer.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToArray();
        if (unknown.Length > 0)
        {
            issues.Add(ValidationError.InvalidLiteral(
                path,
                GoFormat.StringSlice(usages),
                $"invalid bootstrap token usage string: {string.Join(",", unknown)}, valid usage options: {string.Join(",", KnownUsages)}"));
        }
    }

    private static void ValidateGroups(BootstrapToken token, string path, ValidationIssues issues)
    {
        var groupsValue = GoFormat.StringSlice(token.Groups);
        if (token.Groups.Count > 0 && !token.Usages.Contains(AuthenticationUsage, StringComparer.Ordinal))
        {
            issues.Add(ValidationError.InvalidLiteral(
                path, groupsValue, $"token groups cannot be specified unless --usages includes {GoFormat.Quote(AuthenticationUsage)}"));
        }

        foreach (var group in token.Groups.Where(g => !GroupRegex().IsMatch(g)))
        {
            issues.Add(ValidationError.InvalidLiteral(
                path, groupsValue, $"bootstrap group {GoFormat.Quote(group)} is invalid (must match {GroupPattern})"));
        }
    }

    [GeneratedRegex(@"^([a-z0-9]{6})\.([a-z0-9]{16})\z", RegexOptions.CultureInvariant)]
    private static partial Regex TokenRegex();

    [GeneratedRegex(GroupPattern, RegexOptions.CultureInvariant)]
    private static partial Regex GroupRegex();
}
