using System.Security.Cryptography.X509Certificates;
using Kubeadm.Core.Errors;
using Kubeadm.Core.Host;
using Kubeadm.Core.Pki;

namespace Kubeadm.App.KubeConfig;

/// <summary>The cluster CA (ca.crt / ca.key in certificatesDir) as the kubeconfig phases need it.</summary>
internal static class ClusterCa
{
    public const string BaseName = "ca";

    public static string CertificatePath(string certificatesDir) => certificatesDir.TrimEnd('/') + "/" + BaseName + ".crt";

    public static string KeyPath(string certificatesDir) => certificatesDir.TrimEnd('/') + "/" + BaseName + ".key";

    /// <summary>External CA mode: the CA certificate is there but its key is not, so kubeadm can sign nothing.</summary>
    public static bool IsExternal(IFileSystem fileSystem, string certificatesDir) =>
        fileSystem.FileExists(CertificatePath(certificatesDir)) && !fileSystem.FileExists(KeyPath(certificatesDir));

    /// <summary>The CA certificate (first of the bundle) and its key; missing files tell the user how to create them.</summary>
    public static KeyAndCertificate LoadWithKey(IFileSystem fileSystem, string certificatesDir)
    {
        var certificatePath = CertificatePath(certificatesDir);
        var keyPath = KeyPath(certificatesDir);
        foreach (var path in new[] { certificatePath, keyPath })
        {
            if (!fileSystem.FileExists(path))
            {
                throw new KubeadmUserException(
                    $"the CA files do not exist, please run `kubeadm init phase certs ca` to generate it: file \"{path}\" does not exist");
            }
        }

        var certificate = LoadCertificate(fileSystem, certificatesDir);
        var key = PemCodec.DecodePrivateKey(fileSystem.ReadAllBytes(keyPath), keyPath);
        return new KeyAndCertificate(certificate, key);
    }

    public static X509Certificate2 LoadCertificate(IFileSystem fileSystem, string certificatesDir)
    {
        var certificatePath = CertificatePath(certificatesDir);
        var certificates = PemCodec.DecodeCertificates(fileSystem.ReadAllBytes(certificatePath), certificatePath);
        foreach (var extra in certificates.Skip(1))
        {
            extra.Dispose();
        }

        return certificates[0];
    }
}
