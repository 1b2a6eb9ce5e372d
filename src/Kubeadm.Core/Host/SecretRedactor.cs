using System.Text.RegularExpressions;

namespace Kubeadm.Core.Host;

/// <summary>
/// Hides private key material in text that is about to be printed (dry-run output): PEM private key blocks and
/// kubeconfig `client-key-data` values. Secrets are never printed, at any verbosity.
/// </summary>
public static partial class SecretRedactor
{
    public const string Placeholder = "<redacted>";

    public static string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = PemPrivateKey().Replace(text, m => $"-----BEGIN {m.Groups[1].Value}-----\n{Placeholder}\n-----END {m.Groups[1].Value}-----");
        return ClientKeyData().Replace(text, m => m.Groups[1].Value + Placeholder);
    }

    [GeneratedRegex(@"-----BEGIN ((?:[A-Z]+ )?PRIVATE KEY)-----[\s\S]*?-----END \1-----")]
    private static partial Regex PemPrivateKey();

    [GeneratedRegex(@"(client-key-data:\s*)\S+")]
    private static partial Regex ClientKeyData();
}
