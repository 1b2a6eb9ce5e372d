using System.Security.Cryptography;
using Kubeadm.Core.Constants;
using Kubeadm.Core.Host;

namespace Kubeadm.Core.UploadCerts;

/// <summary>
/// How upload-certs protects each file in the kubeadm-certs Secret: AES-256-GCM under the certificate key, a fresh
/// 12-byte nonce per value, no associated data, stored as nonce ‖ ciphertext ‖ 16-byte tag — the layout Go's
/// <c>gcm.Seal(nonce, nonce, data, nil)</c> produces, so a Go <c>kubeadm join --certificate-key</c> can read it.
/// </summary>
public static class CertificateKeyCipher
{
    public const int NonceSize = 12;
    public const int TagSize = 16;

    /// <summary>A new certificate key: <see cref="KubeadmConstants.CertificateKeySize"/> random bytes as lowercase hex.</summary>
    public static string CreateKey(IRandomSource random)
    {
        ArgumentNullException.ThrowIfNull(random);
        Span<byte> key = stackalloc byte[KubeadmConstants.CertificateKeySize];
        random.Fill(key);
        var hex = Convert.ToHexStringLower(key);
        CryptographicOperations.ZeroMemory(key);
        return hex;
    }

    /// <summary>The AES key a hex certificate key stands for; throws <see cref="FormatException"/> when it is not 32 bytes of hex.</summary>
    public static byte[] DecodeKey(string certificateKey)
    {
        ArgumentNullException.ThrowIfNull(certificateKey);
        byte[] key;
        try
        {
            key = Convert.FromHexString(certificateKey);
        }
        catch (FormatException e)
        {
            // The key itself is never part of the message.
            throw new FormatException("error decoding certificate key: it is not a hex string", e);
        }

        if (key.Length != KubeadmConstants.CertificateKeySize)
        {
            throw new FormatException(
                $"error decoding certificate key: the key must be an AES key of size {KubeadmConstants.CertificateKeySize}, got {key.Length} bytes");
        }

        return key;
    }

    public static byte[] Encrypt(ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> key, IRandomSource random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var blob = new byte[NonceSize + plaintext.Length + TagSize];
        var nonce = blob.AsSpan(0, NonceSize);
        random.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, plaintext, blob.AsSpan(NonceSize, plaintext.Length), blob.AsSpan(NonceSize + plaintext.Length, TagSize));
        return blob;
    }

    /// <summary>Reverses <see cref="Encrypt"/>; a wrong key or altered data throws <see cref="CryptographicException"/>.</summary>
    public static byte[] Decrypt(ReadOnlySpan<byte> blob, ReadOnlySpan<byte> key)
    {
        if (blob.Length < NonceSize + TagSize)
        {
            throw new CryptographicException("size of data is less than the nonce and authentication tag");
        }

        var cipherLength = blob.Length - NonceSize - TagSize;
        var plaintext = new byte[cipherLength];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(blob[..NonceSize], blob.Slice(NonceSize, cipherLength), blob[(NonceSize + cipherLength)..], plaintext);
        return plaintext;
    }
}
