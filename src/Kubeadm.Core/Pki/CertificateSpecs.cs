using Kubeadm.Core.Configuration;
using Kubeadm.Core.Constants;

namespace Kubeadm.Core.Pki;

/// <summary>
/// Turns a catalogue entry and the configuration into the exact <see cref="CertificateSpec"/> kubeadm would issue:
/// NotBefore is the run's start time minus 5 minutes (tolerates small clock jumps); NotAfter is the start time plus
/// certificateValidityPeriod (leaf) or caCertificateValidityPeriod (CA), falling back to 1 and 10 years from NotBefore.
/// </summary>
public static class CertificateSpecs
{
    public static readonly TimeSpan Backdate = TimeSpan.FromMinutes(5);

    public static CertificateSpec Build(CertificateDefinition definition, KubeadmConfig config, DateTimeOffset startTime, ICollection<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(config);
        var cluster = config.Cluster;
        var notBefore = startTime.ToUniversalTime() - Backdate;
        var period = definition.IsCa ? cluster.CaCertificateValidityPeriod : cluster.CertificateValidityPeriod;
        var notAfter = period is { } configured
            ? startTime.ToUniversalTime() + configured
            : notBefore + (definition.IsCa ? KubeadmConstants.CaCertificateValidityPeriod : KubeadmConstants.CertificateValidityPeriod);
        var altNames = AltNameRules.For(definition.SanRule, config, warnings);
        return new CertificateSpec
        {
            CommonName = definition.CommonName ?? config.Init.NodeRegistration.Name,
            Organizations = definition.Organizations,
            IsCa = definition.IsCa,
            ServerAuth = definition.ServerAuth,
            ClientAuth = definition.ClientAuth,
            DnsNames = altNames.DnsNames,
            IpAddresses = altNames.IpAddresses,
            NotBefore = notBefore,
            NotAfter = notAfter,
        };
    }

    public static KeyAlgorithm KeyAlgorithmOf(KubeadmConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return KeyAlgorithm.Parse(config.Cluster.EncryptionAlgorithm);
    }
}
