using YamlDotNet.Core;

namespace Kubeadm.Core.Configuration.Serialization;

internal sealed class YamlTreeSequence(Mark start, IReadOnlyList<YamlTreeNode> items) : YamlTreeNode(start)
{
    public IReadOnlyList<YamlTreeNode> Items { get; } = items;

    public override string Describe() => "a list";
}
