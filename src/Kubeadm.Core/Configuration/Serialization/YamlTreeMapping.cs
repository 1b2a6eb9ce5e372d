using YamlDotNet.Core;

namespace Kubeadm.Core.Configuration.Serialization;

/// <summary>A mapping in document order; duplicate keys are kept so the reader can report them.</summary>
internal sealed class YamlTreeMapping(Mark start, IReadOnlyList<KeyValuePair<YamlTreeNode, YamlTreeNode>> entries)
    : YamlTreeNode(start)
{
    public IReadOnlyList<KeyValuePair<YamlTreeNode, YamlTreeNode>> Entries { get; } = entries;

    public override string Describe() => "a mapping";
}
