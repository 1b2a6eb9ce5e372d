using System.Security.Cryptography;
using System.Text;
using Kubeadm.Core.Configuration;
using Kubeadm.Core.Errors;
using Kubeadm.Core.Host;

namespace Kubeadm.Core.UploadCerts;

/// <summary>One decrypted entry of the kubeadm-certs Secret and where it goes (a private key 0600, anything else 0644).</summary>
public sealed record DownloadedCertificate(string DataKey, string Path, byte[] Content, UnixFileMode Mode);

/// <summary>
/// The pure part of `download-certs`: decrypt every entry of the kubeadm-certs Secret with the certificate key
/// (AES-256-GCM, nonce first) and map it to its file. All or nothing: any missing entry or failed decryption fails the
/// whole download before a single file is written.
/// </summary>
public static class DownloadedCertificates
{
    public static IReadOnlyList<DownloadedCertificate> Decrypt(IDictionary<string, byte[]>? data, string certificateKey, ClusterConfiguration cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        byte[] key;
        try
        {
            key = CertificateKeyCipher.DecodeKey(certificateKey);
        }
        catch (FormatException e)
        {
            throw new KubeadmUserException(e.Message, e);
        }

        var result = new List<DownloadedCertificate>();
        try
        {
            foreach (var file in KubeadmCertsSecret.FilesFor(cluster))
            {
                if (data is null || !data.TryGetValue(file.DataKey, out var encrypted))
                {
                    throw new KubeadmUserException(
                        $"the Secret does not include the required certificate or key - name: {file.DataKey}, path: {file.Path}");
                }

                if (encrypted.Length == 0)
                {
                    continue;
                }

                byte[] plain;
                try
                {
                    plain = CertificateKeyCipher.Decrypt(encrypted, key);
                }
                catch (CryptographicException e)
                {
                    throw new KubeadmUserException(
                        $"error decoding secret data with provided key: {e.Message} (is --certificate-key the key printed by 'kubeadm init --upload-certs' or 'kubeadm init phase upload-certs --upload-certs'?)", e);
                }

                result.Add(new DownloadedCertificate(file.DataKey, file.Path, plain, ModeFor(file.DataKey, plain)));
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }

        return result;
    }

    private static UnixFileMode ModeFor(string dataKey, byte[] content)
    {
        if (dataKey == KubeadmCertsSecret.EncryptionConfigDataKey)
        {
            return FileModes.Private;
        }

        var text = Encoding.ASCII.GetString(content);
        if (text.Contains("PRIVATE KEY-----", StringComparison.Ordinal))
        {
            return FileModes.Private;
        }

        if (text.Contains("-----BEGIN ", StringComparison.Ordinal))
        {
            return FileModes.Public;
        }

        throw new KubeadmUserException($"unknown data found in Secret entry \"{dataKey}\"");
    }
}
