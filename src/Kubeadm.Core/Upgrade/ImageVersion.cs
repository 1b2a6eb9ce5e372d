namespace Kubeadm.Core.Upgrade;

/// <summary>The version a component image runs, read from its tag the way kubeadm's version getter does.</summary>
public static class ImageVersion
{
    /// <summary>
    /// The tag of an image reference ("registry.k8s.io/kube-apiserver:v1.33.5" → "v1.33.5"), with '_' turned back
    /// into '+' (image tags cannot hold '+', so build metadata is tagged with '_'); "" when the image has no tag.
    /// </summary>
    public static string FromImage(string image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var withoutDigest = image.Split('@', 2)[0];
        var lastSegment = withoutDigest[(withoutDigest.LastIndexOf('/') + 1)..];
        var colon = lastSegment.LastIndexOf(':');
        return colon < 0 ? "" : lastSegment[(colon + 1)..].Replace('_', '+');
    }
}
