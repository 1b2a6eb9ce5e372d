using System.Globalization;
using Kubeadm.Core.Constants;

namespace Kubeadm.Core.Configuration.Validation;

/// <summary>InitConfiguration-only settings: localAPIEndpoint and certificateKey.</summary>
internal static class InitSettingsValidator
{
    public static void ValidateApiEndpoint(ApiEndpoint endpoint, string path, ValidationIssues issues)
    {
        // Empty is filled in later from the default-route interface.
        if (endpoint.AdvertiseAddress.Length > 0 && !IpAddresses.IsValid(endpoint.AdvertiseAddress))
        {
            issues.Add(ValidationError.Invalid(FieldPath.Child(path, "advertiseAddress"), endpoint.AdvertiseAddress, "ip address is not valid"));
        }

        if (!HostPort.IsValidPort(endpoint.BindPort))
        {
            issues.Add(ValidationError.InvalidLiteral(
                FieldPath.Child(path, "bindPort"), endpoint.BindPort.ToString(CultureInfo.InvariantCulture), "port number is not valid"));
        }
    }

    public static void ValidateCertificateKey(string key, string path, ValidationIssues issues)
    {
        if (key.Length == 0)
        {
            return;
        }

        var decodeError = HexDecodeError(key);
        if (decodeError is not null)
        {
            issues.Add(ValidationError.Invalid(path, SecretRedaction.Mask, "certificate key decoding error: " + decodeError));
            return;
        }

        var size = key.Length / 2;
        if (size != KubeadmConstants.CertificateKeySize)
        {
            issues.Add(ValidationError.Invalid(
                path,
                SecretRedaction.Mask,
                $"invalid certificate key size {size}, the key must be an AES key of size {KubeadmConstants.CertificateKeySize}"));
        }
    }

    /// <summary>The error Go's hex.DecodeString gives (first bad character, else odd length), or null.</summary>
    private static string? HexDecodeError(string key)
    {
        foreach (var c in key)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                // The bad character is shown on purpose: one character does not give the key away.
                return $"encoding/hex: invalid byte: U+{(int)c:X4}{GoRune(c)}";
            }
        }

        return key.Length % 2 == 1 ? "encoding/hex: odd length hex string" : null;
    }

    // Go's %#U: the quoted character follows the code point only when it is printable.
    private static string GoRune(char c) => char.IsControl(c) ? "" : c == '\'' ? @" '\''" : " '" + c + "'";
}
