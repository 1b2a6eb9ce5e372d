using Kubeadm.Core.EtcdApi;
using Kubeadm.Core.Host;

namespace Kubeadm.App.EtcdApi;

/// <summary>What a command asks for when it needs an etcd client for known endpoints.</summary>
/// <param name="FileSystem">The (--rootfs) file system with the certificates.</param>
/// <param name="Endpoints">Client URLs to try.</param>
/// <param name="CertificatesDir">Where etcd/ca.crt and etcd/healthcheck-client.{crt,key} are.</param>
/// <param name="Timeout">How long each operation is retried (timeouts.etcdAPICall).</param>
/// <param name="Progress">Receives "[etcd] …" progress lines.</param>
public sealed record EtcdClientRequest(IFileSystem FileSystem, IReadOnlyList<string> Endpoints, string CertificatesDir, TimeSpan Timeout, Action<string> Progress)
{
    /// <summary>The real client (dotnet-etcd over mutual TLS).</summary>
    public static IEtcdCluster Connect(EtcdClientRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new EtcdClusterFactory(request.FileSystem, TimeProvider.System, request.Progress)
            .ForEndpoints(request.Endpoints, request.CertificatesDir, request.Timeout);
    }
}
