using System.Text.RegularExpressions;
using Kubeadm.Core.Constants;
using Kubeadm.Core.Errors;

namespace Kubeadm.Core.Configuration.Validation;

/// <summary>
/// Turns --kubernetes-version / kubernetesVersion into an exact version the way kubeadm's KubernetesReleaseVersion
/// does, but offline: release labels (stable, stable-1, latest-1.34, release/stable …) resolve to this kubeadm's own
/// version with a warning, which is what kubeadm itself falls back to when dl.k8s.io cannot be reached.
/// </summary>
public static partial class KubernetesVersionResolver
{
    /// <summary>Returns the version with a "v" prefix ("1.34.1" becomes "v1.34.1").</summary>
    /// <exception cref="ValidationException">The text is neither a version nor a release label, or is a CI label.</exception>
    public static string Resolve(string versionOrLabel, out string? warning)
    {
        ArgumentNullException.ThrowIfNull(versionOrLabel);
        warning = null;
        if (Normalize(versionOrLabel) is { } exact)
        {
            return exact;
        }

        var prefixed = BucketPrefixRegex().Match(versionOrLabel);
        if (!prefixed.Success)
        {
            throw new ValidationException($"invalid version {GoFormat.Quote(versionOrLabel)}");
        }

        if (prefixed.Groups["bucket"].Value == "ci")
        {
            throw new ValidationException(
                $"CI version {GoFormat.Quote(versionOrLabel)} is not supported: it needs the CI release bucket and image "
                + "repository, and this kubeadm never looks versions up on the network; give an exact release version such as "
                + KubeadmVersion.Current);
        }

        var label = prefixed.Groups["label"].Value;
        if (Normalize(label) is { } exactFromBucket)
        {
            return exactFromBucket;
        }

        if (!ReleaseLabelRegex().IsMatch(label))
        {
            throw new ValidationException(
                $"version {GoFormat.Quote(versionOrLabel)} doesn't match patterns for neither semantic version nor labels (stable, latest, ...)");
        }

        warning = $"no network lookup for version label {GoFormat.Quote(versionOrLabel)}; using this kubeadm's version {KubeadmVersion.Current}";
        return KubeadmVersion.Current;
    }

    private static string? Normalize(string version)
    {
        if (!ReleaseVersionRegex().IsMatch(version))
        {
            return null;
        }

        return version.StartsWith('v') ? version : "v" + version;
    }

    // kubeadm's loose "looks like a release" check; the suffix is checked strictly later by validation.
    [GeneratedRegex(@"^v?(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)([-0-9a-zA-Z_.+]*)?\z", RegexOptions.CultureInvariant)]
    private static partial Regex ReleaseVersionRegex();

    // latest, stable, stable-1, latest-1.34 …
    [GeneratedRegex(@"^((latest|stable)+(-[1-9](\.[1-9]([0-9])?)?)?)\z", RegexOptions.CultureInvariant)]
    private static partial Regex ReleaseLabelRegex();

    [GeneratedRegex(@"^((?<bucket>release|ci)/)?(?<label>[-A-Za-z0-9_.+]+)\z", RegexOptions.CultureInvariant)]
    private static partial Regex BucketPrefixRegex();
}
