using k8s.Models;
using Kubeadm.App.ClusterPhases;
using Kubeadm.Core.ClusterApi;
using Kubeadm.Core.Configuration;
using Kubeadm.Core.Configuration.Serialization;
using Kubeadm.Core.Errors;

namespace Kubeadm.App.NodeSetup;

/// <summary>
/// Patches this node into a control-plane node once the kubelet has registered it (<see cref="NodeRegistrationWait"/>,
/// polling every <see cref="Interval"/> within <see cref="Timeout"/>), then sends <see cref="ControlPlaneNodePatch"/>. Conflicts and timeouts of the
/// patch are retried; other patch errors fail at once.
/// </summary>
public sealed class ControlPlaneNodeMarker
{
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
            var remaining = deadline - _clock.GetUtcNow();
            var (node, problem) = await NodeRegistrationWait.WaitAsync(
                _api, nodeName, remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero, Interval, _clock, cancellationToken).ConfigureAwait(false);
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
}
