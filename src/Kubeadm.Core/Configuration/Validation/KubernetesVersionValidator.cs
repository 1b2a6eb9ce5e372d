using Kubeadm.Core.Constants;

namespace Kubeadm.Core.Configuration.Validation;

/// <summary>
/// kubernetesVersion, after label resolution: a semantic version no older than kubeadm's minor − 1 (an error, as
/// kubeadm's NormalizeKubernetesVersion) and no newer than kubeadm's own minor (a warning, as kubeadm's preflight).
/// </summary>
internal static class KubernetesVersionValidator
{
    private static readonly SemanticVersion MinimumControlPlane = new(KubeadmVersion.Major, KubeadmVersion.MinimumControlPlaneMinor, 0, "", "");

    // The first version kubeadm does not know: the next minor's earliest pre-release.
    private static readonly SemanticVersion FirstUnsupported = new(KubeadmVersion.Major, KubeadmVersion.Minor + 1, 0, "0", "");

    public static void Validate(string version, string path, ValidationIssues issues)
    {
        if (!SemanticVersion.TryParse(version, out var parsed))
        {
            issues.Add(ValidationError.General(
                path, version, $"couldn't parse Kubernetes version {GoFormat.Quote(version)}: could not parse {GoFormat.Quote(version)} as version"));
            return;
        }

        if (parsed < MinimumControlPlane)
        {
            issues.Add(ValidationError.General(
                path,
                version,
                $"this version of kubeadm only supports deploying clusters with the control plane version >= {MinimumControlPlane}. Current version: {version}"));
        }
        else if (parsed >= FirstUnsupported)
        {
            issues.Warn(
                $"Kubernetes version is greater than kubeadm version. Please consider to upgrade kubeadm. Kubernetes version: {parsed}. "
                + $"Kubeadm version: {KubeadmVersion.Major}.{KubeadmVersion.Minor}.x");
        }
    }
}
