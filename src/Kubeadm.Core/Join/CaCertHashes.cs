using System.Security.Cryptography.X509Certificates;

namespace Kubeadm.Core.Join;

/// <summary>
/// The --discovery-token-ca-cert-hash pins ("sha256:&lt;64 hex&gt;"): parsing with kubeadm's messages, and the check that
/// at least one CA certificate's public key matches at least one pin (every pin counts, not only the first).
/// </summary>
public static class CaCertHashes
{
    private const string Sha256Format = "sha256";

    /// <summary>Why <paramref name="hash"/> is not a valid pin, or null when it is.</summary>
    public static string? ParseError(string hash)
    {
        ArgumentNullException.ThrowIfNull(hash);
        var colon = hash.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return "invalid public key hash, expected \"format:value\"";
        }

        var format = hash[..colon];
        if (!format.Equals(Sha256Format, StringComparison.OrdinalIgnoreCase))
        {
            return $"unknown hash format \"{format}\"";
        }

        var value = hash[(colon + 1)..];
        if (value.Any(c => !char.IsAsciiHexDigit(c)))
        {
            return "encoding/hex: invalid byte in the hash value";
        }

        if (value.Length % 2 == 1)
        {
            return "encoding/hex: odd length hex string";
        }

        return value.Length == 64 ? null : $"expected a 32 byte SHA-256 hash, found {value.Length / 2} bytes";
    }

    /// <summary>The pin in its canonical form ("sha256:" + lower-case hex); throws for an invalid pin.</summary>
    public static string Normalize(string hash)
    {
        if (ParseError(hash) is { } error)
        {
            throw new FormatException($"invalid hash \"{hash}\", {error}");
        }

        return CaCertificatePin.Prefix + hash[(hash.IndexOf(':', StringComparison.Ordinal) + 1)..].ToLowerInvariant();
    }

    /// <summary>True when any certificate's public key hash is among <paramref name="pins"/>.</summary>
    public static bool AnyPinned(IEnumerable<X509Certificate2> certificates, IReadOnlyCollection<string> pins)
    {
        ArgumentNullException.ThrowIfNull(certificates);
        var canonical = pins.Select(Normalize).ToHashSet(StringComparer.Ordinal);
        return certificates.Any(certificate => canonical.Contains(CaCertificatePin.Hash(certificate)));
    }
}
