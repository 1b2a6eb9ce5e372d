using k8s.Models;
using Kubeadm.Core.ClusterApi;
using Kubeadm.Core.Configuration;
using Kubeadm.Core.Configuration.Serialization;
using Kubeadm.Core.Errors;
using Kubeadm.Core.Host;
using Kubeadm.Core.KubeConfig;
using Kubeadm.Core.UploadConfig;

namespace Kubeadm.App.ClusterApi;

/// <summary>
/// The cluster's stored configuration, read from kube-system/kubeadm-config the way kubeadm's
/// FetchInitConfigurationFromCluster starts (reset, certs renew and certs check-expiration use it): a client from a
/// kubeconfig file when one can be built, the two "Reading configuration" lines, then one short, bounded read.
/// </summary>
public sealed class ClusterConfigurationFetcher
{
    private readonly Func<IFileSystem, string, IClusterApi> _clientFor;
    private readonly TimeSpan _budget;

    /// <param name="clientFor">The API client for a kubeconfig file; null means the real one.</param>
    /// <param name="clock">For the real client's retries.</param>
    /// <param name="budget">How long the read may take in all: the callers fall back when the cluster does not answer.</param>
    public ClusterConfigurationFetcher(Func<IFileSystem, string, IClusterApi>? clientFor, TimeProvider clock, TimeSpan budget)
    {
        _clientFor = clientFor ?? ((fileSystem, path) => ClusterClientFactory.FromKubeconfig(fileSystem, path, budget, clock));
        _budget = budget;
    }

    /// <summary>A client for the kubeconfig file, or null when the file is missing or cannot make one (kubeadm then skips the cluster).</summary>
    public IClusterApi? TryCreateClient(IFileSystem fileSystem, string kubeconfigPath)
    {
        ArgumentNullException.ThrowIfNull(fileSystem);
        try
        {
            return fileSystem.FileExists(kubeconfigPath) ? _clientFor(fileSystem, kubeconfigPath) : null;
        }
        catch (Exception e) when (e is KubeadmUserException or KubeconfigFormatException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>kubeadm's two lines before it reads the ConfigMap.</summary>
    public static void Announce(TextWriter output, string logPrefix)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine($"[{logPrefix}] Reading configuration from the \"{KubeadmConfigMap.Name}\" ConfigMap in namespace \"{KubeadmConfigMap.Namespace}\"...");
        output.WriteLine($"[{logPrefix}] Use 'kubeadm init phase upload-config kubeadm --config your-config-file' to re-upload it.");
    }

    /// <summary>
    /// The ClusterConfiguration stored in the ConfigMap, decoded as kubeadm decodes it. Throws
    /// <see cref="KubeadmUserException"/> with kubeadm's wording when it is missing, unreadable or does not come in time.
    /// </summary>
    public async Task<KubeadmConfig> FetchAsync(IClusterApi client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_budget);
        V1ConfigMap? configMap;
        try
        {
            configMap = await client.GetAsync<V1ConfigMap>(KubeadmConfigMap.Namespace, KubeadmConfigMap.Name, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new KubeadmUserException("failed to get config map: timed out waiting for the API server", e);
        }
        catch (Exception e) when (e is not OperationCanceledException and not KubeadmUserException)
        {
            throw new KubeadmUserException($"failed to get config map: {e.Message}", e);
        }

        if (configMap is null)
        {
            throw new KubeadmUserException($"failed to get config map: configmaps \"{KubeadmConfigMap.Name}\" not found");
        }

        if (configMap.Data?.TryGetValue(KubeadmConfigMap.ClusterConfigurationKey, out var text) is not true)
        {
            throw new KubeadmUserException(
                $"unexpected error when reading {KubeadmConfigMap.Name} ConfigMap: {KubeadmConfigMap.ClusterConfigurationKey} key value pair missing");
        }

        return KubeadmConfigDecoder.Decode(text, $"{KubeadmConfigMap.Name} ConfigMap").Config;
    }
}
