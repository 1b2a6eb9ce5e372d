using Kubeadm.Core.Configuration.Serialization;
using Kubeadm.Core.Constants;

namespace Kubeadm.Core.Configuration.Validation;

/// <summary>encryptionAlgorithm and the certificate validity periods.</summary>
internal static class CertificateSettingsValidator
{
    public static void ValidateEncryptionAlgorithm(string algorithm, string path, ValidationIssues issues)
    {
        var known = KubeadmConstants.EncryptionAlgorithms.Order(StringComparer.Ordinal).ToArray();
        if (!known.Contains(algorithm, StringComparer.Ordinal))
        {
            issues.Add(ValidationError.Invalid(
                path, algorithm, $"Invalid encryption algorithm {GoFormat.Quote(algorithm)}. Must be one of [{string.Join(" ", known)}]"));
        }
    }

    /// <summary>Non-positive periods are errors (kubeadm does not check); longer than the defaults is only a warning, as in kubeadm.</summary>
    public static void ValidateValidityPeriods(ClusterConfiguration cluster, ValidationIssues issues)
    {
        ValidatePeriod(
            cluster.CertificateValidityPeriod,
            "certificateValidityPeriod",
            KubeadmConstants.CertificateValidityPeriod,
            "the recommended default for certificate expiration",
            issues);
        ValidatePeriod(
            cluster.CaCertificateValidityPeriod,
            "caCertificateValidityPeriod",
            KubeadmConstants.CaCertificateValidityPeriod,
            "the recommended default for CA certificate expiration",
            issues);
    }

    private static void ValidatePeriod(TimeSpan? period, string path, TimeSpan recommended, string recommendation, ValidationIssues issues)
    {
        if (period is not { } value)
        {
            return;
        }

        if (value <= TimeSpan.Zero)
        {
            issues.Add(ValidationError.InvalidLiteral(path, GoDuration.Format(value), "must be greater than zero"));
        }
        else if (value > recommended)
        {
            issues.Warn($"{path}: the value {GoDuration.Format(value)} is more than {recommendation}: {GoDuration.Format(recommended)}");
        }
    }
}
