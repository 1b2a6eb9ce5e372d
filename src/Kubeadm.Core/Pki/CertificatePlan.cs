namespace Kubeadm.Core.Pki;

/// <summary>
/// The decision for one certificate, made before anything is written: the action, the exact spec to issue, the CA
/// to sign with (for a leaf to generate) and warnings to show.
/// </summary>
/// <param name="Definition">The catalogue entry.</param>
/// <param name="Action">What to do.</param>
/// <param name="Spec">What the certificate must contain (also used to validate an existing one).</param>
/// <param name="Issuer">For a leaf to generate: the loaded CA certificate and key.</param>
/// <param name="Warnings">Warnings to print every time (invalid extra SANs).</param>
/// <param name="PeriodWarnings">Validity-period warnings, keyed by certificate base name; kubeadm prints each once per run.</param>
public sealed record CertificatePlan(
    CertificateDefinition Definition,
    PkiAction Action,
    CertificateSpec Spec,
    KeyAndCertificate? Issuer,
    IReadOnlyList<string> Warnings,
    IReadOnlyDictionary<string, string> PeriodWarnings);
