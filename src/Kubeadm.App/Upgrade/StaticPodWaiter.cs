using k8s.Models;
using Kubeadm.Core.ClusterApi;
using Kubeadm.Core.Upgrade.Apply;

namespace Kubeadm.App.Upgrade;

/// <summary>
/// kubeadm's static Pod waits during an upgrade, through the API: the kubelet publishes a mirror Pod
/// "&lt;component&gt;-&lt;node&gt;" whose kubernetes.io/config.hash annotation is the hash of the manifest it runs, so a
/// changed hash proves the kubelet picked up the new manifest; then every Pod labelled component=&lt;name&gt; must be
/// Running. API errors while a component restarts (the API server itself, or etcd under it) are waited through.
/// Each wait is bounded by the upgrade's manifest timeout (timeouts.upgradeManifests, 5m by default).
/// </summary>
public sealed class StaticPodWaiter
{
    public const string ConfigHashAnnotation = "kubernetes.io/config.hash";
    public const string ConfigMirrorAnnotation = "kubernetes.io/config.mirror";
    private const string SystemNamespace = "kube-system";

    private readonly IClusterApi _api;
    private readonly string _nodeName;
    private readonly TimeProvider _clock;
    private readonly TextWriter _out;

    public StaticPodWaiter(IClusterApi api, string nodeName, TimeProvider clock, TimeSpan timeout, TimeSpan interval, TextWriter output)
    {
        _api = api;
        _nodeName = nodeName;
        _clock = clock;
        Timeout = timeout;
        Interval = interval;
        _out = output;
    }

    public TimeSpan Timeout { get; }

    public TimeSpan Interval { get; }

    /// <summary>The hash of the mirror Pod the kubelet runs now (kubeadm's WaitForStaticPodSingleHash).</summary>
    public async Task<string> CurrentHashAsync(string component, CancellationToken cancellationToken)
    {
        string? last = null;
        Exception? lastError = null;
        var found = await PollAsync(async ct =>
        {
            try
            {
                last = HashOf(await _api.GetAsync<V1Pod>(SystemNamespace, MirrorPod(component), ct).ConfigureAwait(false));
                return last is not null;
            }
            catch (Exception e) when (IsApiFailure(e))
            {
                lastError = e;
                return false;
            }
        }, cancellationToken).ConfigureAwait(false);
        if (!found)
        {
            throw new UpgradeWaitException(
                $"failed to obtain static Pod hash for component {component} on Node {_nodeName}: no mirror Pod {MirrorPod(component)} with a {ConfigHashAnnotation} annotation after {Kubeadm.Core.Configuration.Serialization.GoDuration.Format(Timeout)}{Cause(lastError)}");
        }

        return last!;
    }

    /// <summary>Waits until the mirror Pod's hash differs from <paramref name="before"/> (kubeadm's WaitForStaticPodHashChange).</summary>
    public async Task WaitForHashChangeAsync(string component, string before, CancellationToken cancellationToken)
    {
        Exception? lastError = null;
        var changed = await PollAsync(async ct =>
        {
            try
            {
                var hash = HashOf(await _api.GetAsync<V1Pod>(SystemNamespace, MirrorPod(component), ct).ConfigureAwait(false));
                return hash is not null && hash != before;
            }
            catch (Exception e) when (IsApiFailure(e))
            {
                lastError = e;
                return false;
            }
        }, cancellationToken).ConfigureAwait(false);
        if (!changed)
        {
            throw new UpgradeWaitException($"static Pod hash for component {component} on Node {_nodeName} did not change after {Kubeadm.Core.Configuration.Serialization.GoDuration.Format(Timeout)}{Cause(lastError)}");
        }
    }

    /// <summary>Waits until every Pod labelled component=&lt;name&gt; in kube-system is Running (kubeadm's WaitForPodsWithLabel).</summary>
    public async Task WaitForPodsRunningAsync(string component, CancellationToken cancellationToken)
    {
        var selector = UpgradeComponents.LabelSelector(component);
        var lastCount = -1;
        var notRunning = "";
        var running = await PollAsync(async ct =>
        {
            IReadOnlyList<V1Pod> pods;
            try
            {
                pods = [.. (await _api.ListAsync<V1Pod>(SystemNamespace, null, ct).ConfigureAwait(false))
                    .Where(p => p.Metadata?.Labels?.TryGetValue("component", out var value) is true && value == component)];
            }
            catch (Exception e) when (IsApiFailure(e))
            {
                await _out.WriteLineAsync($"[apiclient] Error getting Pods with label selector \"{selector}\" [{e.Message}]").ConfigureAwait(false);
                return false;
            }

            if (pods.Count != lastCount)
            {
                lastCount = pods.Count;
                await _out.WriteLineAsync($"[apiclient] Found {pods.Count} Pods for label selector {selector}").ConfigureAwait(false);
            }

            var waiting = pods.FirstOrDefault(p => p.Status?.Phase != "Running");
            notRunning = waiting is null ? "" : $"; Pod {waiting.Metadata.Name} is {waiting.Status?.Phase ?? "without status"}";
            return pods.Count > 0 && waiting is null;
        }, cancellationToken).ConfigureAwait(false);
        if (!running)
        {
            throw new UpgradeWaitException($"the Pods with label selector {selector} were not all Running after {Kubeadm.Core.Configuration.Serialization.GoDuration.Format(Timeout)}{notRunning}");
        }
    }

    /// <summary>The hash the kubelet put on a mirror Pod (config.hash; the kubelet sets config.mirror to the same value).</summary>
    public static string? HashOf(V1Pod? pod)
    {
        var annotations = pod?.Metadata?.Annotations;
        if (annotations is null)
        {
            return null;
        }

        return annotations.TryGetValue(ConfigHashAnnotation, out var hash) && hash.Length > 0 ? hash
            : annotations.TryGetValue(ConfigMirrorAnnotation, out var mirror) && mirror.Length > 0 ? mirror
            : null;
    }

    private string MirrorPod(string component) => UpgradeComponents.MirrorPodName(component, _nodeName);

    /// <summary>What a restarting API server (or etcd under it) looks like to a client: wait through it.</summary>
    private static bool IsApiFailure(Exception e) => e is ClusterApiException or HttpRequestException or IOException or TimeoutException;

    private static string Cause(Exception? error) => error is null ? "" : $": {error.Message}";

    private async Task<bool> PollAsync(Func<CancellationToken, Task<bool>> condition, CancellationToken cancellationToken)
    {
        var start = _clock.GetTimestamp();
        while (true)
        {
            if (await condition(cancellationToken).ConfigureAwait(false))
            {
                return true;
            }

            if (_clock.GetElapsedTime(start) >= Timeout)
            {
                return false;
            }

            await Task.Delay(Interval, _clock, cancellationToken).ConfigureAwait(false);
        }
    }
}
