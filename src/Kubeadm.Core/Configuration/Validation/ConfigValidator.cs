using Kubeadm.Core.Errors;

namespace Kubeadm.Core.Configuration.Validation;

/// <summary>
/// Validates a statically defaulted kubeadm config (kubernetesVersion already resolved) and reports every problem at
/// once, in kubeadm's order: version, nodeRegistration, bootstrapTokens, the ClusterConfiguration, localAPIEndpoint,
/// certificateKey, then the checks kubeadm lacks (validity periods, timeouts).
/// </summary>
public static class ConfigValidator
{
    public static IReadOnlyList<ValidationError> Validate(KubeadmConfig config) => ValidateWithWarnings(config).Errors;

    public static ValidationResult ValidateWithWarnings(KubeadmConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var issues = new ValidationIssues();
        var init = config.Init;
        var cluster = config.Cluster;

        KubernetesVersionValidator.Validate(cluster.KubernetesVersion, "kubernetesVersion", issues);
        NodeRegistrationValidator.Validate(init.NodeRegistration, "nodeRegistration", issues);
        BootstrapTokenValidator.Validate(init.BootstrapTokens, "bootstrapTokens", issues);
        ValidateCluster(cluster, issues);
        InitSettingsValidator.ValidateApiEndpoint(init.LocalApiEndpoint, "localAPIEndpoint", issues);
        InitSettingsValidator.ValidateCertificateKey(init.CertificateKey, "certificateKey", issues);
        TimeoutsValidator.Validate(init.Timeouts, "timeouts", issues);
        return issues.ToResult();
    }

    /// <summary>Returns the warnings when the config is valid.</summary>
    /// <exception cref="ValidationException">Carries every error, each formatted as kubeadm prints it.</exception>
    public static ValidationResult ValidateOrThrow(KubeadmConfig config)
    {
        var result = ValidateWithWarnings(config);
        if (!result.IsValid)
        {
            throw new ValidationException(result.Errors.Select(e => e.ToString()).ToArray());
        }

        return result;
    }

    private static void ValidateCluster(ClusterConfiguration cluster, ValidationIssues issues)
    {
        if (cluster.Dns.ImageRepository.Length > 0)
        {
            CommonRules.ImageRepository(cluster.Dns.ImageRepository, "dns.imageRepository", issues);
        }

        CommonRules.ImageTag(cluster.Dns.ImageTag, "dns.imageTag", issues);
        NetworkingValidator.Validate(cluster, "networking", issues);
        CommonRules.CertSans(cluster.ApiServer.CertSans, "apiServer.certSANs", issues);
        CommonRules.ExtraArgs(cluster.ApiServer, "apiServer", issues);
        CommonRules.ExtraArgs(cluster.ControllerManager, "controllerManager", issues);
        CommonRules.ExtraArgs(cluster.Scheduler, "scheduler", issues);
        CommonRules.AbsolutePath(cluster.CertificatesDir, "certificatesDir", issues);
        FeatureGatesValidator.Validate(cluster.FeatureGates, "featureGates", issues);
        if (cluster.ControlPlaneEndpoint.Length > 0 && !HostPort.IsValid(cluster.ControlPlaneEndpoint))
        {
            issues.Add(ValidationError.Invalid("controlPlaneEndpoint", cluster.ControlPlaneEndpoint, "endpoint is not valid"));
        }

        CommonRules.ImageRepository(cluster.ImageRepository, "imageRepository", issues);
        EtcdValidator.Validate(cluster.Etcd, "etcd", issues);
        CertificateSettingsValidator.ValidateEncryptionAlgorithm(cluster.EncryptionAlgorithm, "encryptionAlgorithm", issues);
        CertificateSettingsValidator.ValidateValidityPeriods(cluster, issues);
    }
}
