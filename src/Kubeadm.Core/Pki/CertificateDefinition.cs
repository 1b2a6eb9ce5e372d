namespace Kubeadm.Core.Pki;

/// <summary>
/// One certificate kubeadm manages, as data: the sub-phase name, the files it lives in
/// (<c>&lt;BaseName&gt;.crt</c>/<c>.key</c> under certificatesDir), who signs it and what goes into it.
/// </summary>
public sealed record CertificateDefinition
{
    /// <summary>The sub-phase name, e.g. <c>etcd-server</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The file base name relative to certificatesDir, e.g. <c>etcd/server</c>.</summary>
    public required string BaseName { get; init; }

    /// <summary>
    /// What the certificate is for, in kubeadm's words ("certificate for serving etcd"): part of the output lines of
    /// `certs renew` ("... renewed", "MISSING! ..."), which scripts read.
    /// </summary>
    public required string LongName { get; init; }

    /// <summary>What the certificate is for, in our words, for help texts, with its article ("the API server's serving certificate").</summary>
    public required string Purpose { get; init; }

    /// <summary>The <see cref="Name"/> of the signing CA; null for a self-signed CA.</summary>
    public string? CaName { get; init; }

    /// <summary>The subject CN; null means the node name.</summary>
    public string? CommonName { get; init; }

    public IReadOnlyList<string> Organizations { get; init; } = [];

    public bool ServerAuth { get; init; }

    public bool ClientAuth { get; init; }

    public SanRule SanRule { get; init; }

    /// <summary>For a CA: how kubeadm names it in "invalid or incomplete external ..." errors.</summary>
    public string ExternalCaLabel { get; init; } = "CA";

    public bool IsCa => CaName is null;

    /// <summary>Belongs to the etcd PKI, which kubeadm does not create for external etcd.</summary>
    public bool IsEtcd => string.Equals(CaName ?? Name, "etcd-ca", StringComparison.Ordinal);

    public string CertificateFileName => BaseName + ".crt";

    public string KeyFileName => BaseName + ".key";
}
