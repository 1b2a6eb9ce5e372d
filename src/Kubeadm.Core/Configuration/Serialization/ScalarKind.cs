namespace Kubeadm.Core.Configuration.Serialization;

/// <summary>The type a YAML scalar resolves to.</summary>
internal enum ScalarKind
{
    String,
    Null,
    Bool,
    Int,
    Float,
}
