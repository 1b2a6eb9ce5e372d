using k8s.Models;
using Kubeadm.Core.ClusterApi;
using Kubeadm.Core.Constants;

namespace Kubeadm.App.ClusterPhases;

/// <summary>
/// The one wait for the kubelet to register this node, used before kubeadm patches the Node (upload-config's CRI
/// socket annotation, mark-control-plane): the Node must exist and carry its hostname label, which the kubelet sets.
/// Reads are repeated every interval, failed reads included, until the timeout.
/// </summary>
public static class NodeRegistrationWait
{
    public const string HostnameLabel = KubeadmConstants.HostnameLabel;

    /// <summary>The registered Node; or, once <paramref name="timeout"/> has passed, null and why it is not registered.</summary>
    public static async Task<(V1Node? Node, string Problem)> WaitAsync(
        IClusterApi api, string nodeName, TimeSpan timeout, TimeSpan interval, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(clock);
        var deadline = clock.GetUtcNow() + timeout;
        while (true)
        {
            var (node, problem) = await TryGetRegisteredAsync(api, nodeName, cancellationToken).ConfigureAwait(false);
            if (node is not null || clock.GetUtcNow() + interval > deadline)
            {
                return (node, problem);
            }

            await Task.Delay(interval, clock, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The Node once the kubelet has registered and initialised it; otherwise why not (a failed read is a reason too).</summary>
    private static async Task<(V1Node? Node, string Problem)> TryGetRegisteredAsync(IClusterApi api, string nodeName, CancellationToken cancellationToken)
    {
        try
        {
            var node = await api.GetAsync<V1Node>("", nodeName, cancellationToken).ConfigureAwait(false);
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
