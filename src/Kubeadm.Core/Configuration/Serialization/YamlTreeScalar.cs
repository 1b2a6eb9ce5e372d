using YamlDotNet.Core;

namespace Kubeadm.Core.Configuration.Serialization;

internal sealed class YamlTreeScalar(Mark start, string value, bool isPlain) : YamlTreeNode(start)
{
    public string Value { get; } = value;

    public bool IsPlain { get; } = isPlain;

    public ScalarKind Kind => YamlScalarResolver.Resolve(Value, IsPlain);

    public bool IsNull => Kind == ScalarKind.Null;

    public override string Describe() => Kind switch
    {
        ScalarKind.Bool => "a boolean (" + Value + ")",
        ScalarKind.Int => "an integer (" + Value + ")",
        ScalarKind.Float => "a number (" + Value + ")",
        ScalarKind.Null => "null",
        _ => "a string (\"" + Value + "\")",
    };
}
