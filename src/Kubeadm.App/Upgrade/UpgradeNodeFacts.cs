using System.Security.Cryptography.X509Certificates;
using Kubeadm.Core.Constants;
using Kubeadm.Core.Host;
using Kubeadm.Core.KubeConfig;

namespace Kubeadm.App.Upgrade;

/// <summary>
/// What kubeadm learns about this node before an upgrade, from the node itself: its Node name (the identity in
/// kubelet.conf, "system:node:&lt;name&gt;"); the API server's advertise address and port come from
/// <see cref="Kubeadm.Core.Upgrade.AdvertisedEndpoint"/>.
/// </summary>
public static class UpgradeNodeFacts
{
    private const string NodeUserPrefix = "system:node:";

    /// <summary>The Node name from kubelet.conf's client certificate, or null when it cannot be read.</summary>
    public static string? NodeNameFromKubeletConf(IFileSystem fileSystem)
    {
        ArgumentNullException.ThrowIfNull(fileSystem);
        var path = KubeadmConstants.KubeletKubeConfigFile;
        try
        {
            if (!fileSystem.FileExists(path))
            {
                return null;
            }

            var config = KubeconfigYamlReader.Read(fileSystem.ReadAllText(path), path);
            var contextName = config.CurrentContext;
            var userName = config.Contexts?.FirstOrDefault(c => c.Name == contextName)?.ContextDetails?.User;
            var user = config.Users?.FirstOrDefault(u => u.Name == userName)?.UserCredentials;
            string? pem = null;
            if (!string.IsNullOrEmpty(user?.ClientCertificateData))
            {
                pem = System.Text.Encoding.ASCII.GetString(Convert.FromBase64String(user.ClientCertificateData));
            }
            else if (!string.IsNullOrEmpty(user?.ClientCertificate) && fileSystem.FileExists(user.ClientCertificate))
            {
                pem = fileSystem.ReadAllText(user.ClientCertificate);
            }

            if (pem is null)
            {
                return null;
            }

            using var certificate = X509Certificate2.CreateFromPem(pem);
            var commonName = certificate.GetNameInfo(X509NameType.SimpleName, false);
            return commonName.StartsWith(NodeUserPrefix, StringComparison.Ordinal) ? commonName[NodeUserPrefix.Length..] : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or KubeconfigFormatException
            or System.Security.Cryptography.CryptographicException or ArgumentException)
        {
            return null;
        }
    }
}
