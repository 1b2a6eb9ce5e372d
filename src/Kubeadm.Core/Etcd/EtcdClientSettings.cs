using Kubeadm.Core.Constants;

namespace Kubeadm.Core.Etcd;

/// <summary>How kubeadm talks to etcd: the endpoints, the TLS files and kubeadm's retry timing.</summary>
/// <param name="Endpoints">Client URLs to try, in order.</param>
/// <param name="Tls">The CA and client pair (as the user knows their paths, for messages and etcdctl hints).</param>
public sealed record EtcdClientSettings(IReadOnlyList<string> Endpoints, EtcdTlsFiles Tls)
{
    /// <summary>kubeadm's EtcdAPICallRetryInterval.</summary>
    public static readonly TimeSpan DefaultRetryInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>kubeadm's etcdTimeout: the dial timeout and the deadline of each call.</summary>
    public static readonly TimeSpan DefaultCallTimeout = TimeSpan.FromSeconds(2);

    /// <summary>How long one operation is retried (timeouts.etcdAPICall, default 2m).</summary>
    public TimeSpan Timeout { get; init; } = KubeadmConstants.EtcdApiCallTimeout;

    public TimeSpan RetryInterval { get; init; } = DefaultRetryInterval;

    /// <summary>How often a long retry prints that it is still trying.</summary>
    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromSeconds(10);
}
