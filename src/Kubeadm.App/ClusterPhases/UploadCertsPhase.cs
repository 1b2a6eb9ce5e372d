using System.Security.Cryptography;
using Kubeadm.App.Init;
using Kubeadm.Core.ClusterApi;
using Kubeadm.Core.Errors;
using Kubeadm.Core.UploadCerts;

namespace Kubeadm.App.ClusterPhases;

/// <summary>
/// `kubeadm init phase upload-certs --upload-certs`: encrypt the shared control-plane CAs and keys with the
/// certificate key (given, or generated here) and store them in kube-system/kubeadm-certs, owned by a 2-hour
/// bootstrap token so the Secret is garbage-collected when the token expires. The key is printed unless
/// --skip-certificate-key-print; nothing else secret is ever printed.
/// </summary>
public static class UploadCertsPhase
{
    public static async Task RunAsync(InitContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var api = await context.Cluster.GetAsync(cancellationToken).ConfigureAwait(false);
        var certificateKey = context.Config.Init.CertificateKey.Length > 0
            ? context.Config.Init.CertificateKey
            : CertificateKeyCipher.CreateKey(context.Random);

        context.Out.WriteLine(
            $"[upload-certs] Storing the certificates in Secret \"{KubeadmCertsSecret.Name}\" in the \"{KubeadmCertsSecret.Namespace}\" Namespace");
        try
        {
            await UploadAsync(context, api, certificateKey, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is ClusterApiException or FormatException or IOException or UnauthorizedAccessException)
        {
            throw new KubeadmUserException($"error uploading certs: {e.Message}", e);
        }

        context.UploadedCertificateKey = certificateKey;
        if (!context.Options.SkipCertificateKeyPrint)
        {
            context.Out.WriteLine($"[upload-certs] Using certificate key:\n{certificateKey}");
        }
    }

    private static async Task UploadAsync(InitContext context, IClusterApi api, string certificateKey, CancellationToken cancellationToken)
    {
        var key = CertificateKeyCipher.DecodeKey(certificateKey);
        try
        {
            var tokenSecret = CertificateKeyTokenSecret.Create(context.Random, context.Clock.GetUtcNow());
            var data = EncryptFiles(context, key);
            // The Secret is owned by the token (it needs the token's uid); the RBAC objects need neither.
            await context.ApiWrites()
                .Writes(
                    async ct =>
                    {
                        var token = await api.CreateOrUpdateAsync(tokenSecret, ct).ConfigureAwait(false);
                        await api.CreateOrUpdateAsync(KubeadmCertsSecret.Create(data, token), ct).ConfigureAwait(false);
                    },
                    ct => api.CreateOrUpdateAsync(KubeadmCertsSecret.Role(), ct),
                    ct => api.CreateOrUpdateAsync(KubeadmCertsSecret.RoleBinding(), ct))
                .RunAsync(cancellationToken)
                .ConfigureAwait(false);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>Each file encrypted under its data key; a file that does not exist is carried as an empty value.</summary>
    private static Dictionary<string, byte[]> EncryptFiles(InitContext context, byte[] key)
    {
        var data = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var file in KubeadmCertsSecret.FilesFor(context.Config.Cluster))
        {
            if (file.Path.Length == 0 || !context.FileSystem.FileExists(file.Path))
            {
                data[file.DataKey] = [];
                continue;
            }

            var content = context.FileSystem.ReadAllBytes(file.Path);
            data[file.DataKey] = CertificateKeyCipher.Encrypt(content, key, context.Random);
            CryptographicOperations.ZeroMemory(content);
        }

        return data;
    }
}
