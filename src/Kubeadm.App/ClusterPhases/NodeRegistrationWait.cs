using k8s.Models;
using Kubeadm.Core.ClusterApi;
using Kubeadm.Core.Constants;
using Kubeadm.Core.Configuration.Serialization;

namespace Kubeadm.App.ClusterPhases;

/// <summary>
/// kubeadm patches a Node only once the kubelet has registered it (the Node exists and carries its hostname label);
/// until then it keeps polling, within the API-call timeout.
/// </summary>
public static class NodeRegistrationWait
{
    public const string HostnameLabel = KubeadmConstants.HostnameLabel;

    public static async Task UntilRegisteredAsync(IClusterApi api, string nodeName, TimeSpan timeout, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(clock);
        var interval = Kubeadm.Core.Health.HealthWaiter.DefaultInterval;
        var deadline = clock.GetUtcNow() + timeout;
        while (true)
        {
            var node = await api.GetAsync<V1Node>("", nodeName, cancellationToken).ConfigureAwait(false);
            if (node?.Metadata?.Labels?.ContainsKey(HostnameLabel) == true)
            {
                return;
            }

            if (clock.GetUtcNow() >= deadline)
            {
                var state = node is null ? "does not exist" : $"has no \"{HostnameLabel}\" label";
                throw new ClusterApiException(
                    $"timed out after {GoDuration.Format(timeout)} waiting for the kubelet to register node \"{nodeName}\": it {state}", 404);
            }

            await Task.Delay(interval, clock, cancellationToken).ConfigureAwait(false);
        }
    }
}
