namespace Kubeadm.Core.Preflight;

/// <summary>PEM files for talking to an external etcd: a CA to trust instead of the system roots, and a client certificate and key.</summary>
public sealed record EtcdClientTls(string? CaPem, string? CertificatePem, string? KeyPem)
{
    public static EtcdClientTls None { get; } = new(null, null, null);
}
