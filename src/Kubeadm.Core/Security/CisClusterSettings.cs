using Kubeadm.Core.Configuration;
using Kubeadm.Core.Configuration.Validation;
using Kubeadm.Core.ControlPlane;

namespace Kubeadm.Core.Security;

/// <summary>
/// The CIS profile's control-plane settings, written into the ClusterConfiguration as ordinary extraArgs and
/// extraVolumes. Kept in kubeadm's own vocabulary on purpose: the kubeadm-config ConfigMap then carries them, so a
/// joining control-plane node (and a later upgrade) renders the same hardened manifests, and users can read exactly
/// what the profile changed. A flag the user set themselves wins (with a warning when it differs).
/// </summary>
public static class CisClusterSettings
{
    public const string AuditLogMaxAgeDays = "30";
    public const string AuditLogMaxBackups = "10";
    public const string AuditLogMaxSizeMegabytes = "100";

    /// <summary>The first Kubernetes version whose API server takes anonymous conditions in an AuthenticationConfiguration.</summary>
    public static readonly SemanticVersion AnonymousConditionsMinimumVersion = new(1, 32, 0, "", "");

    /// <summary>Adds the profile's flags and volumes to the API server, controller manager and scheduler.</summary>
    /// <param name="cluster">The defaulted ClusterConfiguration (resolved Kubernetes version, certificates dir).</param>
    /// <param name="warn">Receives the warnings: a user flag overriding the profile, an API server too old for an anonymous allow-list.</param>
    public static void Apply(ClusterConfiguration cluster, Action<string> warn)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(warn);
        var apiServer = ApiServerArguments(cluster, warn);
        Merge(cluster.ApiServer, "kube-apiserver", apiServer, warn);
        Merge(cluster.ControllerManager, "kube-controller-manager", [new("profiling", "false")], warn);
        Merge(cluster.Scheduler, "kube-scheduler", [new("profiling", "false")], warn);
        AddVolume(cluster.ApiServer, new HostPathMount(
            HardeningPaths.ConfigVolume, HardeningPaths.ConfigDirectory, HardeningPaths.ConfigDirectory, ReadOnly: true, HostPathVolumes.DirectoryOrCreate));
        AddVolume(cluster.ApiServer, new HostPathMount(
            HardeningPaths.AuditLogVolume, HardeningPaths.AuditLogDirectory, HardeningPaths.AuditLogDirectory, ReadOnly: false, HostPathVolumes.DirectoryOrCreate));
    }

    /// <summary>Whether a ClusterConfiguration (for example the one a joining node downloads) was made with the profile.</summary>
    public static bool IsAppliedTo(ClusterConfiguration cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        return ArgumentList.LastValue(cluster.ApiServer.ExtraArgs, "encryption-provider-config") == HardeningPaths.EncryptionConfigFile;
    }

    /// <summary>Whether the API server of <paramref name="kubernetesVersion"/> can limit anonymous requests to an allow-list.</summary>
    public static bool SupportsAnonymousConditions(string kubernetesVersion) =>
        SemanticVersion.TryParse(kubernetesVersion, out var version)
        && new SemanticVersion(version.Major, version.Minor, version.Patch, "", "") >= AnonymousConditionsMinimumVersion;

    private static List<Arg> ApiServerArguments(ClusterConfiguration cluster, Action<string> warn)
    {
        var certificatesDir = cluster.CertificatesDir.TrimEnd('/');
        var args = new List<Arg>
        {
            new("profiling", "false"),
            new("audit-policy-file", HardeningPaths.AuditPolicyFile),
            new("audit-log-path", HardeningPaths.AuditLogFile),
            new("audit-log-maxage", AuditLogMaxAgeDays),
            new("audit-log-maxbackup", AuditLogMaxBackups),
            new("audit-log-maxsize", AuditLogMaxSizeMegabytes),
            new("encryption-provider-config", HardeningPaths.EncryptionConfigFile),
            new("service-account-extend-token-expiration", "false"),
            new("kubelet-certificate-authority", certificatesDir + "/ca.crt"),
        };
        if (SupportsAnonymousConditions(cluster.KubernetesVersion))
        {
            args.Add(new("authentication-config", HardeningPaths.AuthenticationConfigFile));
        }
        else
        {
            warn(
                $"security profile \"cis\": the kube-apiserver of Kubernetes {cluster.KubernetesVersion} cannot limit anonymous requests to an allow-list " +
                $"(AuthenticationConfiguration anonymous conditions need v{AnonymousConditionsMinimumVersion.Major}.{AnonymousConditionsMinimumVersion.Minor}+), " +
                "and --anonymous-auth=false would break \"kubeadm join\" discovery (it reads kube-public/cluster-info anonymously); " +
                "anonymous requests stay on, limited by RBAC to cluster-info and the health endpoints (CIS 1.2.1 is not met)");
        }

        return args;
    }

    private static void Merge(ControlPlaneComponent component, string componentName, IEnumerable<Arg> profileArgs, Action<string> warn)
    {
        foreach (var arg in profileArgs)
        {
            var userValue = ArgumentList.LastValue(component.ExtraArgs, arg.Name);
            if (userValue is null)
            {
                component.ExtraArgs.Add(arg);
            }
            else if (!string.Equals(userValue, arg.Value, StringComparison.Ordinal))
            {
                warn($"security profile \"cis\": keeping {componentName} extraArgs --{arg.Name}={userValue} (the profile sets {arg.Value})");
            }
        }
    }

    private static void AddVolume(ControlPlaneComponent component, HostPathMount volume)
    {
        if (!component.ExtraVolumes.Any(existing => string.Equals(existing.Name, volume.Name, StringComparison.Ordinal)))
        {
            component.ExtraVolumes.Add(volume);
        }
    }
}
