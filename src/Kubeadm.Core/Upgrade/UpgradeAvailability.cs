using Kubeadm.Core.Configuration.Validation;
using Kubeadm.Core.Constants;
using Kubeadm.Core.Errors;
using Kubeadm.Core.Images;

namespace Kubeadm.Core.Upgrade;

/// <summary>
/// The upgrades kubeadm offers (GetAvailableUpgrades), offline: every release label ("stable", "stable-1.33",
/// "latest" …) resolves to the one target version, as kubeadm's offline version getter does when a version is given.
/// With the target newer than the cluster that yields the "version in the vX.Y series" upgrade (the cluster's own
/// series label answers with the target too); RC and experimental entries follow when their flags allow them.
/// </summary>
public static class UpgradeAvailability
{
    public static IReadOnlyList<UpgradeOption> Compute(UpgradeAvailabilityInputs inputs, Action<string> print, Action<string> warn)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(print);
        ArgumentNullException.ThrowIfNull(warn);
        var observed = inputs.Observed;
        print("[upgrade] Fetching available versions to upgrade to");
        if (observed.KubeApiServer.Count > 1)
        {
            var found = string.Join(", ", observed.KubeApiServer.Versions.Select(v => $"{v} on nodes [{string.Join(' ', observed.KubeApiServer.NodesAt(v))}]"));
            warn($"Different API server versions in the cluster were discovered: {found}. Please upgrade your control plane nodes to the same version of Kubernetes");
        }

        var (clusterText, cluster) = LatestApiServerVersion(observed.KubeApiServer);
        print($"[upgrade/versions] Cluster version: {clusterText}");
        print($"[upgrade/versions] kubeadm version: {inputs.KubeadmVersion}");
        var targetText = inputs.TargetVersion;
        var target = Parse(targetText, "the version to upgrade to");
        var kubeadm = Parse(inputs.KubeadmVersion, "the kubeadm version");
        print($"[upgrade/versions] Target version: {targetText}");

        var externalEtcd = observed.Etcd.Count == 0;
        var before = new ClusterVersionState
        {
            KubeVersion = clusterText,
            DnsVersion = observed.DnsVersion,
            KubeadmVersion = inputs.KubeadmVersion,
            KubeApiServerVersions = observed.KubeApiServer,
            KubeControllerManagerVersions = observed.KubeControllerManager,
            KubeSchedulerVersions = observed.KubeScheduler,
            EtcdVersions = observed.Etcd,
            KubeletVersions = observed.Kubelet,
        };
        ClusterVersionState After(string kubeadmVersion) => new()
        {
            KubeVersion = targetText,
            DnsVersion = ComponentVersions.CoreDns,
            KubeadmVersion = kubeadmVersion,
            EtcdVersion = externalEtcd ? "" : ControlPlaneImages.EtcdTagFor(targetText),
        };

        var upgrades = new List<UpgradeOption>();
        var canDoMinorUpgrade = cluster < target;
        if (target >= cluster)
        {
            // The cluster's own series (stable-X.Y) answers with the target too, so a newer minor is never offered separately.
            var series = $"{cluster.Major}.{cluster.Minor}";
            var description = $"version in the v{series} series";
            print($"[upgrade/versions] Latest {description}: {targetText}");
            canDoMinorUpgrade = false;
            if (cluster < target)
            {
                upgrades.Add(new UpgradeOption(description, before, After(kubeadm >= target ? inputs.KubeadmVersion : targetText)));
            }
        }

        if (canDoMinorUpgrade)
        {
            upgrades.Add(new UpgradeOption("stable version", before, After(targetText)));
        }

        if (inputs.AllowExperimentalUpgrades || inputs.AllowReleaseCandidateUpgrades)
        {
            print($"[upgrade/versions] Latest experimental version: {targetText}");
            print($"[upgrade/versions] Latest previous version: {targetText}");
            if (inputs.AllowReleaseCandidateUpgrades && target.PreRelease.StartsWith("rc", StringComparison.Ordinal) && cluster < target)
            {
                upgrades.Add(new UpgradeOption("release candidate version", before, After(targetText)));
            }

            if (inputs.AllowExperimentalUpgrades && cluster < target)
            {
                upgrades.Add(new UpgradeOption("experimental version", before, After(targetText)));
            }
        }

        print("");
        return upgrades;
    }

    private static (string Text, SemanticVersion Version) LatestApiServerVersion(NodeVersions apiServers)
    {
        (string Text, SemanticVersion Version)? latest = null;
        foreach (var text in apiServers.Versions)
        {
            if (!SemanticVersion.TryParse(text, out var version))
            {
                throw new KubeadmUserException(
                    $"[upgrade/versions] FATAL: couldn't parse kube-apiserver version {text} from nodes [{string.Join(' ', apiServers.NodesAt(text))}]");
            }

            if (latest is null || version >= latest.Value.Version)
            {
                latest = (text, version);
            }
        }

        return latest ?? throw new KubeadmUserException(
            "[upgrade/versions] FATAL: no kube-apiserver Pods (component=kube-apiserver,tier=control-plane) found in the kube-system namespace; "
            + "kubeadm reads the cluster version from their images");
    }

    private static SemanticVersion Parse(string text, string what) =>
        SemanticVersion.TryParse(text, out var version)
            ? version
            : throw new KubeadmUserException($"[upgrade/versions] FATAL: couldn't parse {what} {GoFormat.Quote(text)} as a semantic version");
}

/// <summary>What <see cref="UpgradeAvailability.Compute"/> works from.</summary>
public sealed record UpgradeAvailabilityInputs
{
    public required ClusterComponentVersions Observed { get; init; }

    /// <summary>The resolved target (<see cref="UpgradeTargetVersion.Resolve"/>).</summary>
    public required string TargetVersion { get; init; }

    public string KubeadmVersion { get; init; } = Constants.KubeadmVersion.Current;

    public bool AllowExperimentalUpgrades { get; init; }

    public bool AllowReleaseCandidateUpgrades { get; init; }
}
