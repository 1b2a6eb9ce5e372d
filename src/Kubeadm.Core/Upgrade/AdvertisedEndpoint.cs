using System.Globalization;
using Kubeadm.Core.Configuration;
using Kubeadm.Core.ControlPlane;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Kubeadm.Core.Upgrade;

/// <summary>
/// The API endpoint a node's kube-apiserver advertises, from the annotation init puts on its manifest (and so on its
/// mirror Pod): kubeadm takes a node's LocalAPIEndpoint from there when it rebuilds the node's manifests.
/// </summary>
public static class AdvertisedEndpoint
{
    /// <summary>(address, port) from "kubeadm.kubernetes.io/kube-apiserver.advertise-address.endpoint", or null when absent or unreadable.</summary>
    public static (string Address, int Port)? FromManifest(string manifestYaml)
    {
        ArgumentNullException.ThrowIfNull(manifestYaml);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(manifestYaml));
        }
        catch (YamlException)
        {
            return null;
        }

        if (stream.Documents.Count == 0
            || Child(stream.Documents[0].RootNode, "metadata") is not { } metadata
            || Child(metadata, "annotations") is not { } annotations
            || Child(annotations, ApiServerPodBuilder.AdvertiseAddressEndpointAnnotation) is not YamlScalarNode { Value: { } endpoint })
        {
            return null;
        }

        var colon = endpoint.LastIndexOf(':');
        return colon > 0 && int.TryParse(endpoint[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            ? (endpoint[..colon].Trim('[', ']'), port)
            : null;
    }

    /// <summary>
    /// Takes the node's LocalAPIEndpoint from its kube-apiserver manifest, as kubeadm does before it rebuilds the
    /// manifests; <paramref name="localApiEndpoint"/> stays as it is when the manifest has no readable annotation.
    /// </summary>
    public static void Adopt(ApiEndpoint localApiEndpoint, string manifestYaml)
    {
        ArgumentNullException.ThrowIfNull(localApiEndpoint);
        if (FromManifest(manifestYaml) is { } endpoint)
        {
            localApiEndpoint.AdvertiseAddress = endpoint.Address;
            localApiEndpoint.BindPort = endpoint.Port;
        }
    }

    private static YamlNode? Child(YamlNode node, string key) =>
        node is YamlMappingNode mapping && mapping.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;
}
