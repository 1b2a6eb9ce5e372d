using System.Security.Cryptography;
using System.Text;

namespace Kubeadm.Core.Join;

/// <summary>
/// The detached JWS the bootstrap signer stores in cluster-info as "jws-kubeconfig-&lt;token id&gt;": HS256 over the
/// kubeconfig text, keyed with the token's 16-character secret (not the whole token), header
/// {"alg":"HS256","kid":"&lt;token id&gt;"}, stored as "&lt;header&gt;..&lt;signature&gt;" (empty payload part).
/// </summary>
public static class ClusterInfoSignature
{
    public const string KeyPrefix = "jws-kubeconfig-";

    public static string KeyFor(string tokenId) => KeyPrefix + tokenId;

    /// <summary>The detached JWS the signer would store for <paramref name="payload"/>.</summary>
    public static string ComputeDetached(string payload, string tokenId, string tokenSecret)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var header = Base64Url(Encoding.UTF8.GetBytes($"{{\"alg\":\"HS256\",\"kid\":\"{tokenId}\"}}"));
        return header + ".." + Sign(header, payload, tokenSecret);
    }

    /// <summary>
    /// Whether <paramref name="detached"/> is a valid HS256 signature of <paramref name="payload"/> by this token: the
    /// header must name HS256 and this token id, and the MAC is compared in constant time.
    /// </summary>
    public static bool Verify(string detached, string payload, string tokenId, string tokenSecret)
    {
        ArgumentNullException.ThrowIfNull(detached);
        var parts = detached.Split('.');
        if (parts.Length != 3 || parts[1].Length != 0)
        {
            return false;
        }

        var expectedHeader = Base64Url(Encoding.UTF8.GetBytes($"{{\"alg\":\"HS256\",\"kid\":\"{tokenId}\"}}"));
        if (!string.Equals(parts[0], expectedHeader, StringComparison.Ordinal))
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(parts[0], payload, tokenSecret));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(parts[2]));
    }

    private static string Sign(string encodedHeader, string payload, string tokenSecret)
    {
        var signingInput = Encoding.ASCII.GetBytes(encodedHeader + "." + Base64Url(Encoding.UTF8.GetBytes(payload)));
        return Base64Url(HMACSHA256.HashData(Encoding.UTF8.GetBytes(tokenSecret), signingInput));
    }

    private static string Base64Url(byte[] data) =>
        Convert.ToBase64String(data).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
