namespace Kubeadm.Core.Configuration.Validation;

/// <summary>
/// Hides secrets before they reach an error message. kubeadm echoes them in full; a token secret or certificate key
/// in a log or CI transcript is a credential leak, so only the public token id is kept.
/// </summary>
internal static class SecretRedaction
{
    public const string Mask = "<redacted>";

    /// <summary>"abcdef.0123456789abcdef" becomes "abcdef.&lt;redacted&gt;"; without a '.', nothing is shown.</summary>
    public static string BootstrapToken(string token)
    {
        if (token.Length == 0)
        {
            return token;
        }

        var dot = token.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? Mask : token[..(dot + 1)] + Mask;
    }
}
