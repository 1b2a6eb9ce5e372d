using k8s.Models;
using Kubeadm.Core.ClusterApi;
using Kubeadm.Core.Constants;
using Kubeadm.Core.Configuration;
using Kubeadm.Core.Configuration.Serialization;
using Kubeadm.Core.Errors;

namespace Kubeadm.App.NodeSetup;

/// <summary>
/// Patches this node into a control-plane node once the kubelet has registered it: polls every
/// <see cref="Interval"/> until <see cref="Timeout"/> for the Node to exist with its kubernetes.io/hostname label (set by
/// the kubelet), retrying failed reads, then sends <see cref="ControlPlaneNodePatch"/>. Conflicts and timeouts of the
/// patch are retried; other patch errors fail at once.
/// </summary>
public sealed class ControlPlaneNodeMarker
{
    public const string HostnameLabel = KubeadmConstants.HostnameLabel;

    private readonly IClusterApi _api;
    private readonly TimeProvider _clock;

    public ControlPlaneNodeMarker(IClusterApi api, TimeProvider clock, TimeSpan timeout, TimeSpan interval)
    {
        _api = api;
        _clock = clock;
        Timeout = timeout;
        Interval = interval;
    }

    public TimeSpan Timeout { get; }

    public TimeSpan Interval { get; }

    public async Task<V1Node> MarkAsync(string nodeName, IReadOnlyList<Taint> taints, CancellationToken cancellationToken)
    {
        var deadline = _clock.GetUtcNow() + Timeout;
        while (true)
        {
            var (node, problem) = await TryGetRegisteredAsync(nodeName, cancellationToken).ConfigureAwait(false);
            if (node is not null)
            {
                try
                {
                    return await _api.PatchNodeAsync(nodeName, ControlPlaneNodePatch.Create(node, taints), cancellationToken).ConfigureAwait(false);
                }
                catch (ClusterApiException e) when (RetryingClusterApi.IsTransient(e))
                {
                    problem = $"error patching Node \"{nodeName}\": {e.Message}";
                }
                catch (ClusterApiException e)
                {
                    throw new ClusterApiException($"error patching Node \"{nodeName}\": {e.Message}", e.StatusCode, e);
                }
            }

            if (_clock.GetUtcNow() + Interval > deadline)
            {
                throw new KubeadmUserException(
                    $"timed out after {GoDuration.Format(Timeout)} waiting to mark the Node \"{nodeName}\" as control-plane: {problem}");
            }

            await Task.Delay(Interval, _clock, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The Node once the kubelet has registered and initialised it; otherwise why not (read errors are retried).</summary>
    private async Task<(V1Node? Node, string Problem)> TryGetRegisteredAsync(string nodeName, CancellationToken cancellationToken)
    {
        try
        {
            var node = await _api.GetAsync<V1Node>("", nodeName, cancellationToken).ConfigureAwait(false);
            if (node is null)
            {
                return (null, $"the Node \"{nodeName}\" does not exist yet");
            }

            return node.Metadata?.Labels?.ContainsKey(HostnameLabel) == true
                ? (node, "")
                : (null, $"the Node \"{nodeName}\" has no {HostnameLabel} label yet (the kubelet has not initialised it)");
        }
        catch (ClusterApiException e)
        {
            return (null, e.Message);
        }
    }
}
