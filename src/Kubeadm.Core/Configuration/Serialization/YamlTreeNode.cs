using YamlDotNet.Core;

namespace Kubeadm.Core.Configuration.Serialization;

/// <summary>
/// A parsed YAML node with its position. Our own tree (not YamlDotNet's representation model) because that model
/// rejects duplicate keys while loading, and strict decoding must report them like any other field error.
/// </summary>
internal abstract class YamlTreeNode(Mark start)
{
    public Mark Start { get; } = start;

    /// <summary>How the node reads in an error message: "a mapping", "a list", "a string", …</summary>
    public abstract string Describe();
}
