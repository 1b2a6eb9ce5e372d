namespace Kubeadm.Core.Etcd;

/// <summary>
/// The files kubeadm's etcd client uses: the etcd CA and the kube-etcd-healthcheck-client pair
/// (&lt;certificatesDir&gt;/etcd/ca.crt, healthcheck-client.crt, healthcheck-client.key).
/// </summary>
public sealed record EtcdTlsFiles(string CaFile, string CertFile, string KeyFile)
{
    public static EtcdTlsFiles ForCertificatesDir(string certificatesDir)
    {
        ArgumentNullException.ThrowIfNull(certificatesDir);
        var etcd = certificatesDir.TrimEnd('/') + "/etcd";
        return new EtcdTlsFiles($"{etcd}/ca.crt", $"{etcd}/healthcheck-client.crt", $"{etcd}/healthcheck-client.key");
    }

    /// <summary>The etcdctl command line that reaches <paramref name="endpoints"/> with these files.</summary>
    public string EtcdctlCommand(IEnumerable<string> endpoints) =>
        $"ETCDCTL_API=3 etcdctl --endpoints {string.Join(",", endpoints)} --cacert {CaFile} --cert {CertFile} --key {KeyFile}";
}
