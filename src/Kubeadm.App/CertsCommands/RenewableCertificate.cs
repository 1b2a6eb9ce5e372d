namespace Kubeadm.App.CertsCommands;

/// <summary>
/// One certificate `kubeadm certs renew` and `check-expiration` know: a leaf of the PKI (files
/// <c>&lt;base&gt;.crt/.key</c> under certificatesDir) or the client certificate embedded in a kubeconfig file.
/// </summary>
/// <param name="Name">The sub-command and table name: the certificate name, or the kubeconfig file name.</param>
/// <param name="LongName">What it is for, as kubeadm words it in help and console lines.</param>
/// <param name="CaName">The name of the signing CA (e.g. etcd-ca).</param>
/// <param name="CaBaseName">The file base name of the signing CA (e.g. etcd/ca).</param>
/// <param name="PkiBaseName">For a PKI certificate: its file base name; null for a kubeconfig.</param>
/// <param name="KubeconfigFileName">For a kubeconfig: its file name; null for a PKI certificate.</param>
public sealed record RenewableCertificate(
    string Name, string LongName, string CaName, string CaBaseName, string? PkiBaseName, string? KubeconfigFileName)
{
    public bool IsKubeconfig => KubeconfigFileName is not null;
}
