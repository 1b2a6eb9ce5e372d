using Kubeadm.Core.Configuration.Serialization;

namespace Kubeadm.Core.Configuration.Validation;

/// <summary>timeouts: every value that is set must be positive (kubeadm does not check; a zero wait can never succeed).</summary>
internal static class TimeoutsValidator
{
    public static void Validate(Timeouts timeouts, string path, ValidationIssues issues)
    {
        Positive(timeouts.ControlPlaneComponentHealthCheck, FieldPath.Child(path, "controlPlaneComponentHealthCheck"), issues);
        Positive(timeouts.KubeletHealthCheck, FieldPath.Child(path, "kubeletHealthCheck"), issues);
        Positive(timeouts.KubernetesApiCall, FieldPath.Child(path, "kubernetesAPICall"), issues);
        Positive(timeouts.EtcdApiCall, FieldPath.Child(path, "etcdAPICall"), issues);
        Positive(timeouts.TlsBootstrap, FieldPath.Child(path, "tlsBootstrap"), issues);
        Positive(timeouts.Discovery, FieldPath.Child(path, "discovery"), issues);
        Positive(timeouts.UpgradeManifests, FieldPath.Child(path, "upgradeManifests"), issues);
    }

    private static void Positive(TimeSpan? value, string path, ValidationIssues issues)
    {
        if (value is { } duration && duration <= TimeSpan.Zero)
        {
            issues.Add(ValidationError.InvalidLiteral(path, GoDuration.Format(duration), "must be greater than zero"));
        }
    }
}
