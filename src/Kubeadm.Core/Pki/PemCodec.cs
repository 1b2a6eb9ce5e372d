using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Kubeadm.Core.Pki;

/// <summary>
/// kubeadm's PEM formats: certificates as CERTIFICATE (bundles allowed), RSA keys as RSA PRIVATE KEY (PKCS#1),
/// EC keys as EC PRIVATE KEY (SEC1), public keys as PUBLIC KEY (PKIX). Reading also accepts PKCS#8 keys.
/// </summary>
public static class PemCodec
{
    public static byte[] EncodeCertificates(params IEnumerable<X509Certificate2> certificates) =>
        Encoding.ASCII.GetBytes(string.Concat(certificates.Select(c => c.ExportCertificatePem() + "\n")));

    public static byte[] EncodePrivateKey(AsymmetricAlgorithm key) => Encoding.ASCII.GetBytes(key switch
    {
        RSA rsa => rsa.ExportRSAPrivateKeyPem() + "\n",
        ECDsa ecdsa => ecdsa.ExportECPrivateKeyPem() + "\n",
        _ => throw new ArgumentException($"unsupported key type {key?.GetType().Name}", nameof(key)),
    });

    public static byte[] EncodePublicKey(AsymmetricAlgorithm key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Encoding.ASCII.GetBytes(key.ExportSubjectPublicKeyInfoPem() + "\n");
    }

    /// <summary>Every certificate in a PEM bundle, leaf first; an error names <paramref name="source"/>.</summary>
    public static IReadOnlyList<X509Certificate2> DecodeCertificates(ReadOnlySpan<byte> pem, string source)
    {
        var text = Encoding.ASCII.GetString(pem);
        var certificates = new List<X509Certificate2>();
        var remaining = text.AsSpan();
        while (PemEncoding.TryFind(remaining, out var fields))
        {
            var label = remaining[fields.Label];
            if (label.SequenceEqual("CERTIFICATE"))
            {
                var der = Convert.FromBase64String(remaining[fields.Base64Data].ToString());
                try
                {
                    certificates.Add(X509CertificateLoader.LoadCertificate(der));
                }
                catch (CryptographicException e)
                {
                    throw new PkiFileException(source, $"it holds a CERTIFICATE block that is not a valid X.509 certificate ({e.Message})", e);
                }
            }

            remaining = remaining[fields.Location.End..];
        }

        return certificates.Count > 0
            ? certificates
            : throw new PkiFileException(source, "it holds no PEM CERTIFICATE block");
    }

    /// <summary>An RSA or ECDSA private key; anything else is an error naming <paramref name="source"/>, as in kubeadm.</summary>
    public static AsymmetricAlgorithm DecodePrivateKey(ReadOnlySpan<byte> pem, string source)
    {
        var text = Encoding.ASCII.GetString(pem);
        if (!PemEncoding.TryFind(text, out var fields))
        {
            throw new PkiFileException(source, "it holds no PEM block");
        }

        var label = text[fields.Label];
        try
        {
            switch (label)
            {
                case "RSA PRIVATE KEY":
                    return Import(RSA.Create(), k => k.ImportFromPem(text));
                case "EC PRIVATE KEY":
                    return Import(ECDsa.Create(), k => k.ImportFromPem(text));
                case "PRIVATE KEY":
                    try
                    {
                        return Import(RSA.Create(), k => k.ImportFromPem(text));
                    }
                    catch (CryptographicException)
                    {
                        return Import(ECDsa.Create(), k => k.ImportFromPem(text));
                    }

                default:
                    throw new PkiFileException(source, $"the private key file is neither in RSA nor ECDSA format (PEM block \"{label}\")");
            }
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            throw new PkiFileException(source, $"the private key could not be read ({e.Message})", e);
        }
    }

    public static AsymmetricAlgorithm DecodePublicKey(ReadOnlySpan<byte> pem, string source)
    {
        var text = Encoding.ASCII.GetString(pem);
        try
        {
            return Import(RSA.Create(), k => k.ImportFromPem(text));
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            try
            {
                return Import(ECDsa.Create(), k => k.ImportFromPem(text));
            }
            catch (Exception inner) when (inner is CryptographicException or ArgumentException)
            {
                throw new PkiFileException(source, "it holds no RSA or ECDSA PUBLIC KEY", inner);
            }
        }
    }

    private static T Import<T>(T key, Action<T> import)
        where T : AsymmetricAlgorithm
    {
        try
        {
            import(key);
            return key;
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }
}
