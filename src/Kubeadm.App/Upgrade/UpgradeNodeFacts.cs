using System.Security.Cryptography.X509Certificates;
using Kubeadm.Core.Constants;
using Kubeadm.Core.ControlPlane;
using Kubeadm.Core.Host;
using Kubeadm.Core.KubeConfig;
using YamlDotNet.RepresentationModel;

namespace Kubeadm.App.Upgrade;

/// <summary>
/// What kubeadm learns about this node before an upgrade, from the node itself: its Node name (the identity in
/// kubelet.conf, "system:node:&lt;name&gt;") and, on a control plane, the API server's advertise address and port (the
/// kube-apiserver manifest's advertise-address annotation).
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

    /// <summary>The "address:port" the kube-apiserver manifest on this node advertises, or null.</summary>
    public static (string Address, int Port)? AdvertisedEndpoint(IFileSystem fileSystem)
    {
        ArgumentNullException.ThrowIfNull(fileSystem);
        var path = ComponentNames.ManifestPath(KubeadmConstants.ManifestsDir, ComponentNames.ApiServer);
        if (!fileSystem.FileExists(path))
        {
            return null;
        }

        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(fileSystem.ReadAllText(path)));
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root
                || !root.Children.TryGetValue(new YamlScalarNode("metadata"), out var metadata) || metadata is not YamlMappingNode meta
                || !meta.Children.TryGetValue(new YamlScalarNode("annotations"), out var annotations) || annotations is not YamlMappingNode map
                || !map.Children.TryGetValue(new YamlScalarNode(ApiServerPodBuilder.AdvertiseAddressEndpointAnnotation), out var value)
                || value is not YamlScalarNode { Value: { } endpoint })
            {
                return null;
            }

            var colon = endpoint.LastIndexOf(':');
            return colon > 0 && int.TryParse(endpoint[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture, out var port)
                ? (endpoint[..colon].Trim('[', ']'), port)
                : null;
        }
        catch (YamlDotNet.Core.YamlException)
        {
            return null;
        }
    }
}
