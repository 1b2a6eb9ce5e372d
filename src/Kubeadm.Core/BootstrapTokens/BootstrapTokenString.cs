using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Kubeadm.Core.BootstrapTokens;

/// <summary>
/// A bootstrap token "&lt;id&gt;.&lt;secret&gt;" ([a-z0-9]{6}.[a-z0-9]{16}). The id is public (it names the Secret);
/// the secret is a credential, so <see cref="ToString"/> is the only way to get the full token back.
/// </summary>
public sealed partial record BootstrapTokenString(string Id, string Secret)
{
    public const string Pattern = @"^([a-z0-9]{6})\.([a-z0-9]{16})$";
    public const string IdPattern = @"^([a-z0-9]{6})$";

    public static bool TryParse(string? token, [NotNullWhen(true)] out BootstrapTokenString? parsed)
    {
        var match = token is null ? Match.Empty : TokenRegex().Match(token);
        parsed = match.Success ? new BootstrapTokenString(match.Groups[1].Value, match.Groups[2].Value) : null;
        return parsed is not null;
    }

    public static bool IsValidId(string? id) => id is not null && IdRegex().IsMatch(id);

    /// <summary>"bootstrap-token-&lt;id&gt;": the kube-system Secret that stores the token.</summary>
    public static string SecretName(string id) => BootstrapTokenSecret.NamePrefix + id;

    public override string ToString() => $"{Id}.{Secret}";

    [GeneratedRegex(@"^([a-z0-9]{6})\.([a-z0-9]{16})\z", RegexOptions.CultureInvariant)]
    private static partial Regex TokenRegex();

    [GeneratedRegex(@"^[a-z0-9]{6}\z", RegexOptions.CultureInvariant)]
    private static partial Regex IdRegex();
}
