using System.Security.Cryptography;
using System.Text;
using Kubeadm.Core.Host;
using Kubeadm.Core.UploadCerts;

namespace Kubeadm.Core.Tests.UploadCerts;

public sealed class CertificateKeyCipherTests
{
    private static readonly byte[] Key = Convert.FromHexString("feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308");

    [Fact]
    public void Should_ReturnOriginalBytes_When_DecryptingWhatWasEncrypted()
    {
        var plaintext = Encoding.UTF8.GetBytes("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n");

        var blob = CertificateKeyCipher.Encrypt(plaintext, Key, new SeededRandomSource(7));

        Assert.Equal(plaintext, CertificateKeyCipher.Decrypt(blob, Key));
    }

    [Fact]
    public void Should_StoreNonceThenCiphertextThenTag_When_Encrypting()
    {
        var plaintext = new byte[100];
        var expectedNonce = new byte[12];
        new SeededRandomSource(3).Fill(expectedNonce);

        var blob = CertificateKeyCipher.Encrypt(plaintext, Key, new SeededRandomSource(3));

        Assert.Equal(12 + 100 + 16, blob.Length);
        Assert.Equal(expectedNonce, blob[..12]);
    }

    [Fact]
    public void Should_UseAFreshNonce_When_EncryptingTheSameBytesTwice()
    {
        var random = new SeededRandomSource(9);
        var first = CertificateKeyCipher.Encrypt("same"u8, Key, random);
        var second = CertificateKeyCipher.Encrypt("same"u8, Key, random);
        Assert.NotEqual(first[..12], second[..12]);
    }

    [Fact]
    public void Should_DecryptGoLayout_When_BlobIsNonceCiphertextTagFromTheGcmSpec()
    {
        // McGrew & Viega GCM test case 15 (AES-256, 96-bit IV, no additional data): Go's gcm.Seal(iv, iv, p, nil) is iv‖c‖t.
        var iv = Convert.FromHexString("cafebabefacedbaddecaf888");
        var plaintext = Convert.FromHexString(
            "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b391aafd255");
        var ciphertext = Convert.FromHexString(
            "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662898015ad");
        var tag = Convert.FromHexString("b094dac5d93471bdec1a502270e3cc6c");

        var decrypted = CertificateKeyCipher.Decrypt([.. iv, .. ciphertext, .. tag], Key);

        Assert.Equal(plaintext, decrypted);
    }

    [Fact]
    public void Should_ProduceTheGcmSpecBytes_When_EncryptingWithTheSpecNonce()
    {
        var plaintext = Convert.FromHexString(
            "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b391aafd255");

        var blob = CertificateKeyCipher.Encrypt(plaintext, Key, new FixedBytes(Convert.FromHexString("cafebabefacedbaddecaf888")));

        Assert.Equal(
            "cafebabefacedbaddecaf888" +
            "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662898015ad" +
            "b094dac5d93471bdec1a502270e3cc6c",
            Convert.ToHexStringLower(blob));
    }

    [Fact]
    public void Should_DecryptABlobSealedManually_When_UsingAesGcmDirectly()
    {
        var nonce = Enumerable.Range(1, 12).Select(i => (byte)i).ToArray();
        var plaintext = "private key"u8.ToArray();
        var ciphertext = new byte[plaintext.Length];
        var tag = new byte[16];
        using (var aes = new AesGcm(Key, 16))
        {
            aes.Encrypt(nonce, plaintext, ciphertext, tag);
        }

        Assert.Equal(plaintext, CertificateKeyCipher.Decrypt([.. nonce, .. ciphertext, .. tag], Key));
    }

    [Fact]
    public void Should_Throw_When_KeyIsWrong()
    {
        var blob = CertificateKeyCipher.Encrypt("secret"u8, Key, new SeededRandomSource(1));
        var otherKey = (byte[])Key.Clone();
        otherKey[0] ^= 1;
        Assert.ThrowsAny<CryptographicException>(() => CertificateKeyCipher.Decrypt(blob, otherKey));
    }

    [Fact]
    public void Should_Throw_When_BlobIsShorterThanNonceAndTag()
    {
        Assert.ThrowsAny<CryptographicException>(() => CertificateKeyCipher.Decrypt(new byte[20], Key));
    }

    [Fact]
    public void Should_Make64LowercaseHexCharacters_When_CreatingAKey()
    {
        var key = CertificateKeyCipher.CreateKey(new SeededRandomSource(5));
        Assert.Matches("^[0-9a-f]{64}$", key);
        Assert.Equal(32, CertificateKeyCipher.DecodeKey(key).Length);
    }

    [Fact]
    public void Should_RejectWithoutEchoingIt_When_KeyHasTheWrongSize()
    {
        var error = Assert.Throws<FormatException>(() => CertificateKeyCipher.DecodeKey("abcd1234"));
        Assert.DoesNotContain("abcd1234", error.Message);
        Assert.Contains("32", error.Message);
    }

    [Fact]
    public void Should_RejectWithoutEchoingIt_When_KeyIsNotHex()
    {
        var notHex = new string('z', 64);
        var error = Assert.Throws<FormatException>(() => CertificateKeyCipher.DecodeKey(notHex));
        Assert.DoesNotContain(notHex, error.Message);
    }

    private sealed class FixedBytes(byte[] bytes) : IRandomSource
    {
        public void Fill(Span<byte> destination) => bytes.AsSpan(0, destination.Length).CopyTo(destination);
    }
}
