using System.Security.Cryptography;
using System.Text;
using k8s.Models;
using Kubeadm.Core.ClusterApi;
using Kubeadm.Core.Configuration.Serialization;
using Kubeadm.Core.Constants;
using Kubeadm.Core.Errors;
using Kubeadm.Core.Etcd;
using Kubeadm.Core.Host;

namespace Kubeadm.App.Etcd;

/// <summary>
/// Builds kubeadm's etcd client: TLS from &lt;certificatesDir&gt;/etcd/{ca.crt,healthcheck-client.crt,healthcheck-client.key}
/// (read through the --rootfs file system), endpoints either given (reset: the local member) or found as kubeadm's
/// NewFromCluster finds them (the etcd Pods' annotations, then a Sync against etcd).
/// </summary>
public sealed class EtcdClusterFactory
{
    private static readonly TimeSpan PodPollInterval = TimeSpan.FromMilliseconds(500);
    private readonly IFileSystem _fileSystem;
    private readonly TimeProvider _clock;
    private readonly Action<string>? _progress;

    /// <param name="fileSystem">The host (or --rootfs) file system holding the certificates.</param>
    /// <param name="clock">Time for retries.</param>
    /// <param name="progress">Receives "[etcd] …" progress lines.</param>
    public EtcdClusterFactory(IFileSystem fileSystem, TimeProvider clock, Action<string>? progress = null)
    {
        _fileSystem = fileSystem;
        _clock = clock;
        _progress = progress;
    }

    /// <summary>A client for the given client URLs, retrying each operation for up to <paramref name="etcdApiCallTimeout"/>.</summary>
    public IEtcdCluster ForEndpoints(IReadOnlyList<string> endpoints, string certificatesDir, TimeSpan? etcdApiCallTimeout = null)
    {
        var tls = EtcdTlsFiles.ForCertificatesDir(certificatesDir);
        var settings = new EtcdClientSettings(endpoints, tls) { Timeout = etcdApiCallTimeout ?? KubeadmConstants.EtcdApiCallTimeout };
        return new EtcdCluster(new GrpcEtcdApi(LoadCredentials(tls)), settings, _clock, _progress);
    }

    /// <summary>
    /// kubeadm's NewFromCluster: the endpoints from the etcd Pods (polled every 500 ms for up to
    /// <paramref name="kubernetesApiCallTimeout"/>), then a Sync so every member's client URL is used.
    /// </summary>
    public async Task<IEtcdCluster> FromClusterAsync(
        IClusterApi cluster, string certificatesDir, TimeSpan? etcdApiCallTimeout, TimeSpan? kubernetesApiCallTimeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var endpoints = await EndpointsFromPodsAsync(cluster, kubernetesApiCallTimeout ?? KubeadmConstants.KubernetesApiCallTimeout, cancellationToken).ConfigureAwait(false);
        var client = ForEndpoints(endpoints, certificatesDir, etcdApiCallTimeout);
        try
        {
            await client.SyncAsync(cancellationToken).ConfigureAwait(false);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private async Task<IReadOnlyList<string>> EndpointsFromPodsAsync(IClusterApi cluster, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = _clock.GetUtcNow() + timeout;
        string lastError;
        while (true)
        {
            try
            {
                var pods = await cluster.ListAsync<V1Pod>(EtcdEndpointDiscovery.Namespace, null, cancellationToken).ConfigureAwait(false);
                var (endpoints, missing) = EtcdEndpointDiscovery.FromPods(pods);
                if (endpoints.Count > 0 && missing.Count == 0)
                {
                    return endpoints;
                }

                lastError = missing.Count > 0
                    ? $"etcd Pods {string.Join(", ", missing)} are missing the \"{Core.ControlPlane.EtcdPodBuilder.AdvertiseClientUrlsAnnotation}\" annotation"
                    : $"no etcd Pod (labels component=etcd,tier=control-plane) in namespace {EtcdEndpointDiscovery.Namespace}";
            }
            catch (ClusterApiException e)
            {
                lastError = e.Message;
            }

            if (_clock.GetUtcNow() + PodPollInterval > deadline)
            {
                throw new KubeadmUserException($"could not retrieve the list of etcd endpoints: {lastError} (waited {GoDuration.Format(timeout)})");
            }

            await Task.Delay(PodPollInterval, _clock, cancellationToken).ConfigureAwait(false);
        }
    }

    private EtcdClientCredentials LoadCredentials(EtcdTlsFiles tls)
    {
        string Read(string path, string what)
        {
            try
            {
                return Encoding.UTF8.GetString(_fileSystem.ReadAllBytes(path));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new KubeadmUserException(
                    $"could not read the {what} for the etcd client from {path}: {e.Message}. kubeadm talks to etcd with the etcd CA and the "
                    + "healthcheck-client pair; 'kubeadm init phase certs etcd-ca' and 'kubeadm init phase certs etcd-healthcheck-client' create them", e);
            }
        }

        var ca = Read(tls.CaFile, "etcd CA certificate");
        var certificate = Read(tls.CertFile, "client certificate");
        var key = Read(tls.KeyFile, "client key");
        try
        {
            return new EtcdClientCredentials(ca, certificate, key);
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            throw new KubeadmUserException(
                $"the etcd client files {tls.CaFile}, {tls.CertFile} and {tls.KeyFile} are not a valid CA certificate and certificate/key pair: {e.Message}", e);
        }
    }
}
