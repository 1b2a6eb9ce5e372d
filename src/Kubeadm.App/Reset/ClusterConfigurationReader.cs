using k8s.Models;
using Kubeadm.App.ClusterApi;
using Kubeadm.Core.ClusterApi;
using Kubeadm.Core.Configuration;
using Kubeadm.Core.Configuration.Serialization;
using Kubeadm.Core.Errors;
using Kubeadm.Core.Host;
using Kubeadm.Core.KubeConfig;
using Kubeadm.Core.UploadConfig;

namespace Kubeadm.App.Reset;

/// <summary>
/// Reads the ClusterConfiguration from the kube-system/kubeadm-config ConfigMap, as kubeadm reset does before its
/// phases. Every failure is a warning: reset then works from the flags, the config file and what is on disk.
/// </summary>
public sealed class ClusterConfigurationReader
{
    // kubeadm reads this ConfigMap with a short retry; a node being reset often has no API server left.
    private static readonly TimeSpan FetchTimeout = TimeSpan.FromSeconds(5);

    private readonly Func<IFileSystem, string, IClusterApi> _clientFor;
    private readonly TextWriter _out;
    private readonly TextWriter _err;
    private readonly int _verbosity;

    public ClusterConfigurationReader(Func<IFileSystem, string, IClusterApi>? clientFor, TimeProvider clock, TextWriter output, TextWriter error, int verbosity)
    {
        _clientFor = clientFor ?? ((fileSystem, path) => ClusterClientFactory.FromKubeconfig(fileSystem, path, FetchTimeout, clock));
        _out = output;
        _err = error;
        _verbosity = verbosity;
    }

    public async Task<ClusterConfiguration?> ReadAsync(IFileSystem fileSystem, string kubeconfigPath, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fileSystem);
        var client = TryCreateClient(fileSystem, kubeconfigPath);
        if (client is null)
        {
            return null;
        }

        await _out.WriteLineAsync($"[reset] Reading configuration from the \"{KubeadmConfigMap.Name}\" ConfigMap in namespace \"{KubeadmConfigMap.Namespace}\"...").ConfigureAwait(false);
        await _out.WriteLineAsync("[reset] Use 'kubeadm init phase upload-config --config your-config-file' to re-upload it.").ConfigureAwait(false);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(FetchTimeout);
            var configMap = await client.GetAsync<V1ConfigMap>(KubeadmConfigMap.Namespace, KubeadmConfigMap.Name, timeout.Token).ConfigureAwait(false)
                ?? throw new KubeadmUserException($"failed to get config map: configmaps \"{KubeadmConfigMap.Name}\" not found");
            if (configMap.Data?.TryGetValue(KubeadmConfigMap.ClusterConfigurationKey, out var text) is not true)
            {
                throw new KubeadmUserException(
                    $"unexpected error when reading {KubeadmConfigMap.Name} ConfigMap: {KubeadmConfigMap.ClusterConfigurationKey} key value pair missing");
            }

            return KubeadmConfigDecoder.Decode(text, $"{KubeadmConfigMap.Name} ConfigMap").Config.Cluster;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var reason = e is OperationCanceledException ? "timed out waiting for the API server" : e.Message;
            var prefix = e is KubeadmUserException or ValidationException ? "" : "failed to get config map: ";
            await _err.WriteLineAsync($"[reset] Unable to fetch the kubeadm-config ConfigMap from cluster: {prefix}{reason}").ConfigureAwait(false);
            return null;
        }
    }

    private IClusterApi? TryCreateClient(IFileSystem fileSystem, string kubeconfigPath)
    {
        try
        {
            if (fileSystem.FileExists(kubeconfigPath))
            {
                var client = _clientFor(fileSystem, kubeconfigPath);
                if (_verbosity >= 1)
                {
                    _err.WriteLine($"[reset] Loaded client set from kubeconfig file: {kubeconfigPath}");
                }

                return client;
            }
        }
        catch (Exception e) when (e is KubeadmUserException or KubeconfigFormatException or IOException or UnauthorizedAccessException)
        {
            // Falls through: like kubeadm, a kubeconfig that cannot be loaded only matters at -v=1.
        }

        if (_verbosity >= 1)
        {
            _err.WriteLine($"[reset] Could not obtain a client set from the kubeconfig file: {kubeconfigPath}");
        }

        return null;
    }
}
