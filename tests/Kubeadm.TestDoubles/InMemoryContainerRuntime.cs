using System.Collections.Concurrent;

namespace Kubeadm.Core.Runtime;

/// <summary>
/// A container runtime held in memory, for tests of the commands' wiring on an in-memory host (the real CRI client is
/// tested against containerd). Ready by default, with the images, sandboxes and containers the test adds.
/// </summary>
public sealed class InMemoryContainerRuntime : IContainerRuntime
{
    private readonly ConcurrentDictionary<string, byte> _images = new(StringComparer.Ordinal);

    public string Endpoint { get; init; } = Constants.KubeadmConstants.DefaultCriSocket;

    /// <summary>When set, every call fails with this message (a runtime that is down).</summary>
    public string? Unreachable { get; set; }

    public RuntimeCondition Ready { get; set; } = new(RuntimeChecks.RuntimeReady, true, "", "");

    public string SandboxImage { get; set; } = "";

    /// <summary>Images that fail to pull, with the registry's answer.</summary>
    public Dictionary<string, string> PullFailures { get; } = new(StringComparer.Ordinal);

    public List<PodSandboxSummary> Sandboxes { get; } = [];

    public List<(ContainerSummary Summary, ContainerDetails Details)> Containers { get; } = [];

    /// <summary>Every pull, in the order they happened.</summary>
    public ConcurrentQueue<string> Pulls { get; } = new();

    /// <summary>How long each pull takes (zero: it completes at once); with a latency, overlapping pulls are counted.</summary>
    public TimeSpan PullLatency { get; set; }

    /// <summary>The most pulls that were under way at the same time.</summary>
    public int MaxPullsInFlight => Volatile.Read(ref _maxPullsInFlight);

    private int _pullsInFlight;
    private int _maxPullsInFlight;

    public IEnumerable<string> Images => _images.Keys;

    public InMemoryContainerRuntime WithImages(IEnumerable<string> images)
    {
        ArgumentNullException.ThrowIfNull(images);
        foreach (var image in images)
        {
            _images[image] = 0;
        }

        return this;
    }

    public Task<RuntimeVersion> VersionAsync(CancellationToken cancellationToken) =>
        Answer(() => new RuntimeVersion("in-memory", "0", "v1"));

    public Task<RuntimeStatus> StatusAsync(bool verbose, CancellationToken cancellationToken) =>
        Answer(() => new RuntimeStatus(
            [Ready, new RuntimeCondition("NetworkReady", false, "NetworkPluginNotReady", "cni plugin not initialized")],
            verbose ? new Dictionary<string, string>(StringComparer.Ordinal) { ["config"] = $"{{\"sandboxImage\":\"{SandboxImage}\"}}" } : new Dictionary<string, string>()));

    public Task<IReadOnlyList<PodSandboxSummary>> ListPodSandboxesAsync(CancellationToken cancellationToken) =>
        Answer<IReadOnlyList<PodSandboxSummary>>(() => [.. Sandboxes]);

    public Task StopPodSandboxAsync(string podSandboxId, CancellationToken cancellationToken) => Answer(() => true);

    public Task RemovePodSandboxAsync(string podSandboxId, CancellationToken cancellationToken) =>
        Answer(() =>
        {
            Sandboxes.RemoveAll(sandbox => sandbox.Id == podSandboxId);
            Containers.RemoveAll(container => container.Summary.PodSandboxId == podSandboxId);
            return true;
        });

    public Task<IReadOnlyList<ContainerSummary>> ListContainersAsync(CancellationToken cancellationToken) =>
        Answer<IReadOnlyList<ContainerSummary>>(() => [.. Containers.Select(container => container.Summary)]);

    public Task<ContainerDetails> ContainerStatusAsync(string containerId, CancellationToken cancellationToken) =>
        Answer(() => Containers.FirstOrDefault(container => container.Summary.Id == containerId).Details
            ?? throw new ContainerRuntimeException($"rpc error: code = NotFound desc = container \"{containerId}\" not found"));

    public Task<bool> ImageExistsAsync(string image, CancellationToken cancellationToken) => Answer(() => _images.ContainsKey(image));

    public Task<string> PullImageAsync(string image, CancellationToken cancellationToken) =>
        PullLatency == TimeSpan.Zero ? Answer(() => Pull(image)) : PullSlowlyAsync(image, cancellationToken);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task<string> PullSlowlyAsync(string image, CancellationToken cancellationToken)
    {
        if (Unreachable is { } problem)
        {
            throw new ContainerRuntimeException(problem);
        }

        var inFlight = Interlocked.Increment(ref _pullsInFlight);
        int seen;
        while ((seen = Volatile.Read(ref _maxPullsInFlight)) < inFlight && Interlocked.CompareExchange(ref _maxPullsInFlight, inFlight, seen) != seen)
        {
        }

        try
        {
            await Task.Delay(PullLatency, cancellationToken).ConfigureAwait(false);
            return Pull(image);
        }
        finally
        {
            Interlocked.Decrement(ref _pullsInFlight);
        }
    }

    private string Pull(string image)
    {
        Pulls.Enqueue(image);
        if (PullFailures.TryGetValue(image, out var answer))
        {
            throw new ContainerRuntimeException(answer);
        }

        _images[image] = 0;
        return "sha256:" + image.GetHashCode(StringComparison.Ordinal).ToString("x8", System.Globalization.CultureInfo.InvariantCulture);
    }

    private Task<T> Answer<T>(Func<T> answer) =>
        Unreachable is { } problem ? Task.FromException<T>(new ContainerRuntimeException(problem)) : Task.FromResult(answer());
}
