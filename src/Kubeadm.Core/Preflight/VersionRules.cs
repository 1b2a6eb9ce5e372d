using System.Text.RegularExpressions;
using Kubeadm.Core.Configuration.Validation;
using Kubeadm.Core.Constants;

namespace Kubeadm.Core.Preflight;

/// <summary>kubeadm's version checks: the target Kubernetes version, the installed kubelet, and an external etcd.</summary>
public static partial class VersionRules
{
    /// <summary>The lowest external etcd version kubeadm v1.34 accepts (MinExternalEtcdVersion).</summary>
    public const string MinimumExternalEtcdVersion = "3.5.21-0";

    private static readonly SemanticVersion MinimumExternalEtcd = new(3, 5, 21, "0", "");

    /// <summary>KubernetesVersion: a target from the next kubeadm minor on (x.(y+1).0-0) is only a warning; unparsable is an error.</summary>
    public static CheckOutcome CheckKubernetesVersion(string kubernetesVersion, string kubeadmVersion = KubeadmVersion.Current)
    {
        ArgumentNullException.ThrowIfNull(kubernetesVersion);
        ArgumentNullException.ThrowIfNull(kubeadmVersion);
        if (kubeadmVersion.StartsWith("v0.0.0", StringComparison.Ordinal))
        {
            return CheckOutcome.Passed;
        }

        if (!SemanticVersion.TryParse(kubeadmVersion, out var kubeadm))
        {
            return CheckOutcome.Error($"couldn't parse kubeadm version \"{kubeadmVersion}\": could not parse \"{kubeadmVersion}\" as version");
        }

        if (!SemanticVersion.TryParse(kubernetesVersion, out var target))
        {
            return CheckOutcome.Error($"couldn't parse Kubernetes version \"{kubernetesVersion}\": could not parse \"{kubernetesVersion}\" as version");
        }

        var firstUnsupported = new SemanticVersion(kubeadm.Major, kubeadm.Minor + 1, 0, "0", "");
        return target >= firstUnsupported
            ? CheckOutcome.Warning(
                "Kubernetes version is greater than kubeadm version. Please consider to upgrade kubeadm. "
                + $"Kubernetes version: {target}. Kubeadm version: {kubeadm.Major}.{kubeadm.Minor}.x")
            : CheckOutcome.Passed;
    }

    /// <summary>The version in `kubelet --version` output ("Kubernetes v1.34.2"), or null when the output is not that.</summary>
    public static SemanticVersion? ParseKubeletVersion(string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var match = KubeletVersionRegex().Match(output.Trim());
        return match.Success && SemanticVersion.TryParse(match.Groups["version"].Value, out var version) ? version : null;
    }

    /// <summary>KubeletVersion: at least kubeadm's minor − 3, and not a newer minor than the control plane.</summary>
    public static CheckOutcome CheckKubeletVersion(SemanticVersion kubelet, string kubernetesVersion)
    {
        ArgumentNullException.ThrowIfNull(kubelet);
        ArgumentNullException.ThrowIfNull(kubernetesVersion);
        var minimum = new SemanticVersion(KubeadmVersion.Major, KubeadmVersion.MinimumKubeletMinor, 0, "", "");
        if (kubelet < minimum)
        {
            return CheckOutcome.Error($"Kubelet version \"{kubelet}\" is lower than kubeadm can support. Please upgrade kubelet");
        }

        if (kubernetesVersion.Length == 0)
        {
            return CheckOutcome.Passed;
        }

        if (!SemanticVersion.TryParse(kubernetesVersion, out var controlPlane))
        {
            return CheckOutcome.Error($"couldn't parse Kubernetes version \"{kubernetesVersion}\": could not parse \"{kubernetesVersion}\" as version");
        }

        return kubelet.Major > controlPlane.Major || kubelet.Minor > controlPlane.Minor
            ? CheckOutcome.Error(
                "the kubelet version is higher than the control plane version. This is not a supported version skew and may lead "
                + $"to a malfunctional cluster. Kubelet version: \"{kubelet}\" Control plane version: \"{controlPlane}\"")
            : CheckOutcome.Passed;
    }

    /// <summary>ExternalEtcdVersion for one endpoint, given the "etcdserver" field of its /version answer.</summary>
    public static CheckOutcome CheckExternalEtcdVersion(string etcdServerVersion)
    {
        ArgumentNullException.ThrowIfNull(etcdServerVersion);
        if (!SemanticVersion.TryParse(etcdServerVersion, out var version))
        {
            return CheckOutcome.Error(
                $"couldn't parse external etcd version \"{etcdServerVersion}\": could not parse \"{etcdServerVersion}\" as version");
        }

        return version < MinimumExternalEtcd
            ? CheckOutcome.Error(
                $"this version of kubeadm only supports external etcd version >= {MinimumExternalEtcdVersion}. Current version: {etcdServerVersion}")
            : CheckOutcome.Passed;
    }

    [GeneratedRegex(@"^\s*Kubernetes v(?<version>(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)([-0-9a-zA-Z_.+]*)?)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex KubeletVersionRegex();
}
