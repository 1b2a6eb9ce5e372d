using Kubeadm.App.ClusterApi;
using Kubeadm.Core.ClusterApi;
using Kubeadm.Core.Configuration;
using Kubeadm.Core.Errors;
using Kubeadm.Core.Host;

namespace Kubeadm.App.Reset;

/// <summary>
/// Reads the ClusterConfiguration from the kube-system/kubeadm-config ConfigMap, as kubeadm reset does before its
/// phases. Every failure is a warning: reset then works from the flags, the config file and what is on disk.
/// </summary>
public sealed class ClusterConfigurationReader
{
    // kubeadm reads this ConfigMap with a short retry; a node being reset often has no API server left.
    private static readonly TimeSpan FetchTimeout = TimeSpan.FromSeconds(5);

    private readonly ClusterConfigurationFetcher _fetcher;
    private readonly TextWriter _out;
    private readonly TextWriter _err;
    private readonly int _verbosity;

    public ClusterConfigurationReader(Func<IFileSystem, string, IClusterApi>? clientFor, TimeProvider clock, TextWriter output, TextWriter error, int verbosity)
    {
        _fetcher = new ClusterConfigurationFetcher(clientFor, clock, FetchTimeout);
        _out = output;
        _err = error;
        _verbosity = verbosity;
    }

    public async Task<ClusterConfiguration?> ReadAsync(IFileSystem fileSystem, string kubeconfigPath, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fileSystem);
        var client = _fetcher.TryCreateClient(fileSystem, kubeconfigPath);
        if (_verbosity >= 1)
        {
            await _err.WriteLineAsync(client is null
                ? $"[reset] Could not obtain a client set from the kubeconfig file: {kubeconfigPath}"
                : $"[reset] Loaded client set from kubeconfig file: {kubeconfigPath}").ConfigureAwait(false);
        }

        if (client is null)
        {
            return null;
        }

        ClusterConfigurationFetcher.Announce(_out, "reset");
        try
        {
            return (await _fetcher.FetchAsync(client, cancellationToken).ConfigureAwait(false)).Cluster;
        }
        catch (KubeadmUserException e)
        {
            await _err.WriteLineAsync($"[reset] Unable to fetch the kubeadm-config ConfigMap from cluster: {e.Message}").ConfigureAwait(false);
            return null;
        }
    }
}
