using Kubeadm.Core.Configuration.Validation;
using Kubeadm.Core.Constants;

namespace Kubeadm.Core.Upgrade;

/// <summary>
/// The version an upgrade aims at: the [version] argument resolved offline the way `init` resolves
/// --kubernetes-version (exact versions get a "v" prefix; release labels such as stable, stable-1, latest-1.34
/// become this kubeadm's own version with a warning); no argument means this kubeadm's version, which is what kubeadm
/// falls back to when it cannot look up the latest stable release.
/// </summary>
public static class UpgradeTargetVersion
{
    /// <exception cref="Errors.ValidationException">The argument is neither a version nor a release label.</exception>
    public static string Resolve(string? versionArgument, out string? warning)
    {
        if (string.IsNullOrWhiteSpace(versionArgument))
        {
            warning = null;
            return KubeadmVersion.Current;
        }

        return KubernetesVersionResolver.Resolve(versionArgument.Trim(), out warning);
    }
}
