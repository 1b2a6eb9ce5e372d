using Kubeadm.Core.Constants;

namespace Kubeadm.Core.Pki;

/// <summary>The long help of the certs sub-phases, worded as kubeadm's, including the default SANs.</summary>
public static class CertificateHelp
{
    private const string ReuseNote = "If both files already exist, kubeadm skips the generation step and existing files will be used.";

    public static string LongFor(CertificateDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var sans = DefaultSans(definition);
        var sanLine = sans.Length > 0 ? $"\n\nDefault SANs are {sans}" : "";
        return $"Generate the {definition.LongName}, and save them into {definition.BaseName}.crt and {definition.BaseName}.key files.{sanLine}\n\n{ReuseNote}";
    }

    public static string ServiceAccountLong { get; } =
        "Generate the private key for signing service account tokens along with its public key, and save them into\n"
        + $"{CertificateCatalogue.ServiceAccountKeyFileName} and {CertificateCatalogue.ServiceAccountPublicKeyFileName} files.\n\n{ReuseNote}";

    /// <summary>
    /// kubeadm lists the SANs of a defaulted configuration with advertise address 127.0.0.1 and no node name, before
    /// de-duplication (so etcd shows 127.0.0.1 twice).
    /// </summary>
    private static string DefaultSans(CertificateDefinition definition)
    {
        return definition.SanRule switch
        {
            SanRule.ApiServer => "kubernetes, kubernetes.default, kubernetes.default.svc, kubernetes.default.svc.cluster.local, "
                + $"{AltNameRules.FirstServiceIp(KubeadmConstants.DefaultServiceSubnet)}, 127.0.0.1",
            SanRule.EtcdServer or SanRule.EtcdPeer => "localhost, 127.0.0.1, 127.0.0.1, ::1",
            _ => "",
        };
    }
}
