namespace Kubeadm.Core.Patches;

/// <summary>How a patch is applied, named by kubeadm's file-name suffix and printed as its HTTP content type.</summary>
/// <param name="Suffix">The word after <c>+</c> in a patch file name.</param>
/// <param name="ContentType">What kubeadm prints, e.g. <c>application/strategic-merge-patch+json</c>.</param>
public sealed record PatchType(string Suffix, string ContentType)
{
    /// <summary>Kubernetes' strategic merge patch (the default when a file name has no <c>+type</c>).</summary>
    public static PatchType Strategic { get; } = new("strategic", "application/strategic-merge-patch+json");

    /// <summary>RFC 7386 JSON merge patch.</summary>
    public static PatchType Merge { get; } = new("merge", "application/merge-patch+json");

    /// <summary>RFC 6902 JSON patch (a list of operations).</summary>
    public static PatchType Json { get; } = new("json", "application/json-patch+json");

    /// <summary>The type named by a file-name suffix, or null for an unknown word.</summary>
    public static PatchType? FromSuffix(string suffix) => suffix switch
    {
        "strategic" => Strategic,
        "merge" => Merge,
        "json" => Json,
        _ => null,
    };
}
