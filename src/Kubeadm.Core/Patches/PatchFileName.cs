using System.Text.RegularExpressions;

namespace Kubeadm.Core.Patches;

/// <summary>
/// kubeadm's patch file naming, <c>target[suffix][+patchtype].extension</c>: the name must start with a known target
/// and end in <c>.yaml</c> or <c>.json</c>; anything between the target and <c>+</c> is free text used for ordering.
/// </summary>
/// <param name="Target">The target the name starts with.</param>
/// <param name="Type">The patch type after <c>+</c>, strategic when absent.</param>
public sealed partial record PatchFileName(string Target, PatchType Type)
{
    /// <summary>
    /// Reads a base file name. Returns null with <paramref name="ignoreReason"/> set for a file kubeadm skips with a
    /// note (unknown extension or target); throws <see cref="PatchException"/> for a <c>+</c> without a known type.
    /// </summary>
    public static PatchFileName? Parse(string fileName, out string? ignoreReason)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ignoreReason = null;
        if (!KnownExtension().IsMatch(fileName))
        {
            ignoreReason = "the file extension must be one of [json yaml]";
            return null;
        }

        var match = TargetAndType().Match(fileName);
        if (!match.Success)
        {
            ignoreReason = $"unknown target, must be one of {PatchTargets.Listed}";
            return null;
        }

        var type = match.Groups[4].Value;
        if (match.Groups[3].Success && type.Length == 0)
        {
            throw new PatchException(
                $"patch file \"{fileName}\": unknown or missing patch type after '+', must be one of [json merge strategic]");
        }

        return new PatchFileName(match.Groups[1].Value, type.Length == 0 ? PatchType.Strategic : PatchType.FromSuffix(type)!);
    }

    [GeneratedRegex(@"^.+\.(json|yaml)\z", RegexOptions.CultureInvariant)]
    private static partial Regex KnownExtension();

    // Anchored at the start only, like kubeadm's expression: "kube-apiserver+jsonfoo.yaml" is a JSON patch.
    [GeneratedRegex(@"^(etcd|kube-apiserver|kube-controller-manager|kube-scheduler|kubeletconfiguration|corednsdeployment)([^.+\n]*)?(\+)?(json|merge|strategic)?", RegexOptions.CultureInvariant)]
    private static partial Regex TargetAndType();
}
