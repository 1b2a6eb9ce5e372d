using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Kubeadm.Core.Upgrade.Apply;

/// <summary>What an upgrade reads from a static Pod manifest: the image version it runs, and whether two manifests say the same.</summary>
public static class StaticPodManifestFacts
{
    /// <summary>The tag of the first container's image ("" when the manifest has none or cannot be read).</summary>
    public static string ImageVersion(string manifest) => Upgrade.ImageVersion.FromImage(FirstContainerImage(manifest));

    /// <summary>The first container's image reference ("" when there is none).</summary>
    public static string FirstContainerImage(string manifest)
    {
        var root = Parse(manifest);
        if (root is not YamlMappingNode pod
            || Child(pod, "spec") is not YamlMappingNode spec
            || Child(spec, "containers") is not YamlSequenceNode { Children.Count: > 0 } containers
            || containers.Children[0] is not YamlMappingNode container
            || Child(container, "image") is not YamlScalarNode { Value: { } image })
        {
            return "";
        }

        return image;
    }

    /// <summary>
    /// kubeadm's "current and new manifests are equal" test: the same document once parsed (key order and
    /// formatting do not count). A manifest that cannot be read is never equal.
    /// </summary>
    public static bool AreEqual(string current, string proposed)
    {
        var left = Parse(current);
        var right = Parse(proposed);
        return left is not null && right is not null && SameNode(left, right);
    }

    private static YamlNode? Parse(string text)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            return stream.Documents.Count == 1 ? stream.Documents[0].RootNode : null;
        }
        catch (YamlException)
        {
            return null;
        }
    }

    private static YamlNode? Child(YamlMappingNode mapping, string key) =>
        mapping.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static bool SameNode(YamlNode left, YamlNode right) => (left, right) switch
    {
        (YamlScalarNode a, YamlScalarNode b) => a.Value == b.Value,
        (YamlSequenceNode a, YamlSequenceNode b) => a.Children.Count == b.Children.Count
            && a.Children.Zip(b.Children).All(pair => SameNode(pair.First, pair.Second)),
        (YamlMappingNode a, YamlMappingNode b) => a.Children.Count == b.Children.Count
            && a.Children.All(entry => b.Children.TryGetValue(entry.Key, out var other) && SameNode(entry.Value, other)),
        _ => false,
    };
}
