using Kubeadm.Core.Constants;
using Kubeadm.Core.Host;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Kubeadm.App.Reset;

/// <summary>What reset needs from the local etcd static pod manifest: its data directory and the local member's identity.</summary>
/// <param name="DataDir">The host path of the "etcd-data" volume; null when the manifest has none (kubeadm: invalid manifest).</param>
/// <param name="MemberName">The etcd --name, which kubeadm sets to the node name; null when absent.</param>
public sealed record EtcdManifest(string? DataDir, string? MemberName)
{
    /// <summary>The member's client URLs (--advertise-client-urls): where reset reaches the local member.</summary>
    public IReadOnlyList<string> ClientUrls { get; init; } = [];

    /// <summary>The member's peer URL (first of --initial-advertise-peer-urls): how kubeadm identifies the member.</summary>
    public string? PeerUrl { get; init; }

    public const string Path = KubeadmConstants.ManifestsDir + "/etcd.yaml";
    private const string DataVolumeName = "etcd-data";

    /// <summary>Reads the manifest; null when the file does not exist.</summary>
    public static EtcdManifest? Read(IFileSystem fileSystem)
    {
        ArgumentNullException.ThrowIfNull(fileSystem);
        if (!fileSystem.FileExists(Path))
        {
            return null;
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(fileSystem.ReadAllText(Path)));
        }
        catch (YamlException)
        {
            return new EtcdManifest(null, null);
        }

        if (stream.Documents.Count == 0 || Child(stream.Documents[0].RootNode, "spec") is not YamlMappingNode spec)
        {
            return new EtcdManifest(null, null);
        }

        var dataDir = (Child(spec, "volumes") as YamlSequenceNode)?.Children
            .FirstOrDefault(volume => (Child(volume, "name") as YamlScalarNode)?.Value == DataVolumeName) is { } dataVolume
            ? (Child(Child(dataVolume, "hostPath"), "path") as YamlScalarNode)?.Value
            : null;
        var command = (Child(spec, "containers") as YamlSequenceNode)?.Children.FirstOrDefault() is { } container
            ? Child(container, "command") as YamlSequenceNode
            : null;
        var arguments = command?.Children.OfType<YamlScalarNode>().Select(argument => argument.Value ?? "").ToList() ?? [];
        string? Flag(string name) =>
            arguments.LastOrDefault(argument => argument.StartsWith($"--{name}=", StringComparison.Ordinal))?[(name.Length + 3)..];
        static IReadOnlyList<string> Urls(string? value) =>
            value?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
        return new EtcdManifest(string.IsNullOrEmpty(dataDir) ? null : dataDir, Flag("name"))
        {
            ClientUrls = Urls(Flag("advertise-client-urls")),
            PeerUrl = Urls(Flag("initial-advertise-peer-urls")) is [var first, ..] ? first : null,
        };
    }

    private static YamlNode? Child(YamlNode? node, string key) =>
        node is YamlMappingNode mapping && mapping.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;
}
