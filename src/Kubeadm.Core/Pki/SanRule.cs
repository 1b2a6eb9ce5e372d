namespace Kubeadm.Core.Pki;

/// <summary>Which subject alternative names a certificate carries, computed from the configuration.</summary>
public enum SanRule
{
    /// <summary>No SANs (client certificates); a CA gets its CN as its only DNS name.</summary>
    None,

    /// <summary>The API server serving certificate.</summary>
    ApiServer,

    /// <summary>The etcd serving certificate, plus etcd.local.serverCertSANs.</summary>
    EtcdServer,

    /// <summary>The etcd peer certificate, plus etcd.local.peerCertSANs.</summary>
    EtcdPeer,
}
