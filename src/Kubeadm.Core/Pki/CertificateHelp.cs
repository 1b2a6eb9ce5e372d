namespace Kubeadm.Core.Pki;

/// <summary>The help of the certs sub-phases: what each certificate is for, its files and its names.</summary>
public static class CertificateHelp
{
    private const string ReuseNote = "Existing files are reused, never overwritten; one that does not fit the configuration is an error.";

    public static string ShortFor(CertificateDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return $"Generate {definition.Purpose}";
    }

    public static string LongFor(CertificateDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var names = Names(definition);
        var namesLine = names.Length > 0 ? $"\n\n{names}" : "";
        return $"Generate {definition.Purpose}, as {definition.BaseName}.crt and {definition.BaseName}.key in the certificate directory.{namesLine}\n\n{ReuseNote}";
    }

    public const string ServiceAccountShort = "Generate the key pair that signs and verifies service account tokens";

    public static string ServiceAccountLong { get; } =
        "Generate the key pair the controller manager signs service account tokens with and the API server checks them\n"
        + $"against, as {CertificateCatalogue.ServiceAccountKeyFileName} and {CertificateCatalogue.ServiceAccountPublicKeyFileName} in the certificate directory (a key pair, not a certificate).\n\n{ReuseNote}";

    /// <summary>The subject alternative names the certificate gets, from the rules in <see cref="AltNameRules"/>.</summary>
    private static string Names(CertificateDefinition definition) => definition.SanRule switch
    {
        SanRule.ApiServer => "Its names: the node name, kubernetes, kubernetes.default, kubernetes.default.svc, "
            + "kubernetes.default.svc.<service DNS domain>, the first address of the service range, the advertise address, "
            + "the control-plane endpoint's host and every --apiserver-cert-extra-sans entry.",
        SanRule.EtcdServer or SanRule.EtcdPeer => "Its names: the node name, localhost, the advertise address, 127.0.0.1 and ::1, "
            + "plus the extra names of the etcd configuration.",
        _ => "",
    };
}
