using Kubeadm.Core.Runtime;

namespace Kubeadm.Core.Tests.Runtime;

public sealed class RuntimeLogicTests
{
    [Theory]
    [InlineData("unix:///var/run/containerd/containerd.sock", "/var/run/containerd/containerd.sock")]
    [InlineData("/run/crio/crio.sock", "/run/crio/crio.sock")]
    public void Should_GiveTheSocketPath_When_TheEndpointIsAUnixSocket(string endpoint, string path) =>
        Assert.Equal(path, CriEndpoint.SocketPath(endpoint));

    [Theory]
    [InlineData("tcp://127.0.0.1:1234")]
    [InlineData("npipe:////./pipe/containerd")]
    [InlineData("unix://relative.sock")]
    public void Should_RejectNamingTheEndpoint_When_ItIsNoUnixSocket(string endpoint)
    {
        var error = Assert.Throws<ContainerRuntimeException>(() => CriEndpoint.SocketPath(endpoint));
        Assert.StartsWith($"invalid CRI endpoint \"{endpoint}\": only unix sockets are supported", error.Message);
    }

    [Fact]
    public void Should_ReadTheSandboxImage_When_TheInfoConfigHasIt() =>
        Assert.Equal(
            ("registry.k8s.io/pause:3.6", (string?)null),
            RuntimeChecks.SandboxImageFromInfo(new Dictionary<string, string> { ["config"] = """{"sandboxImage":"registry.k8s.io/pause:3.6","x":1}""" }));

    [Theory]
    [InlineData(null, "no 'config' field in CRI info")]
    [InlineData("{}", "no 'sandboxImage' field in CRI info config")]
    [InlineData("{not json", "failed to unmarshal CRI info config")]
    public void Should_SayWhy_When_TheSandboxImageIsUnknown(string? config, string problem)
    {
        var info = config is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["config"] = config };
        var (image, found) = RuntimeChecks.SandboxImageFromInfo(info);
        Assert.Null(image);
        Assert.StartsWith(problem, found);
    }

    [Fact]
    public async Task Should_TryFiveTimesAndNameTheImage_When_APullKeepsFailing()
    {
        var runtime = new InMemoryContainerRuntime();
        runtime.PullFailures["r/x:1"] = "rpc error: code = NotFound desc = r/x:1: not found";

        var error = await Assert.ThrowsAsync<ContainerRuntimeException>(() => ImagePuller.PullAsync(runtime, "r/x:1", default));

        Assert.Equal("failed to pull image r/x:1: rpc error: code = NotFound desc = r/x:1: not found", error.Message);
        Assert.Equal(5, runtime.Pulls.Count);
    }

    [Fact]
    public async Task Should_SkipPresentImagesAndCollectEveryFailure_When_PullingIfNotPresentInParallel()
    {
        var runtime = new InMemoryContainerRuntime().WithImages(["r/a:1"]);
        runtime.PullFailures["r/b:1"] = "boom";
        var log = new List<string>();

        var outcomes = await ImagePuller.PullAllAsync(runtime, ["r/a:1", "r/b:1", "r/c:1"], ifNotPresent: true, serial: false, line => { lock (log) { log.Add(line); } }, default);

        Assert.Equal(
            [new("r/a:1", false, null), new("r/b:1", false, "failed to pull image r/b:1: failed to pull image r/b:1: boom"), new ImagePuller.Outcome("r/c:1", true, null)],
            outcomes);
        Assert.Contains("pulling all images in parallel", log);
        Assert.Contains("image exists: r/a:1", log);
    }

    [Fact]
    public async Task Should_FailWithKubeadmsWording_When_RuntimeReadyIsFalse()
    {
        var runtime = new InMemoryContainerRuntime { Ready = new RuntimeCondition("RuntimeReady", false, "Starting", "still loading") };

        var error = await Assert.ThrowsAsync<ContainerRuntimeException>(() => RuntimeChecks.CheckRunningAsync(runtime, default));

        Assert.Equal("container runtime condition \"RuntimeReady\" is not true. reason: Starting, message: still loading", error.Message);
    }

    [Fact]
    public async Task Should_RetryEachSandboxAndReportTheLastError_When_StoppingFails()
    {
        var runtime = new FlakyStopRuntime(failuresBeforeSuccess: 2);
        runtime.Sandboxes.AddRange([new("s1", "a", "kube-system", true), new("s2", "b", "default", true)]);
        var removed = new List<string>();

        var errors = await PodSandboxRemover.RemoveAsync(runtime, [.. runtime.Sandboxes], sandbox => removed.Add(sandbox.Id), default);

        Assert.Empty(errors);
        Assert.Equal(["s1", "s2"], removed);
        Assert.Empty(runtime.Sandboxes);

        var stuck = new FlakyStopRuntime(failuresBeforeSuccess: 99);
        stuck.Sandboxes.Add(new("s3", "c", "kube-system", true));
        Assert.Equal(["failed to stop running pod s3: stop failed"], await PodSandboxRemover.RemoveAsync(stuck, [.. stuck.Sandboxes], _ => { }, default));
        Assert.Equal(PodSandboxRemover.Attempts, stuck.StopCalls);
    }

    /// <summary>A runtime whose StopPodSandbox fails a number of times per sandbox before it works.</summary>
    private sealed class FlakyStopRuntime(int failuresBeforeSuccess) : IContainerRuntime
    {
        private readonly InMemoryContainerRuntime _inner = new();
        private readonly Dictionary<string, int> _failures = new(StringComparer.Ordinal);

        public List<PodSandboxSummary> Sandboxes => _inner.Sandboxes;

        public int StopCalls { get; private set; }

        public string Endpoint => _inner.Endpoint;

        public Task StopPodSandboxAsync(string podSandboxId, CancellationToken cancellationToken)
        {
            StopCalls++;
            var failed = _failures.GetValueOrDefault(podSandboxId);
            if (failed < failuresBeforeSuccess)
            {
                _failures[podSandboxId] = failed + 1;
                throw new ContainerRuntimeException("stop failed");
            }

            return Task.CompletedTask;
        }

        public Task RemovePodSandboxAsync(string podSandboxId, CancellationToken cancellationToken) => _inner.RemovePodSandboxAsync(podSandboxId, cancellationToken);

        public Task<RuntimeVersion> VersionAsync(CancellationToken cancellationToken) => _inner.VersionAsync(cancellationToken);

        public Task<RuntimeStatus> StatusAsync(bool verbose, CancellationToken cancellationToken) => _inner.StatusAsync(verbose, cancellationToken);

        public Task<IReadOnlyList<PodSandboxSummary>> ListPodSandboxesAsync(CancellationToken cancellationToken) => _inner.ListPodSandboxesAsync(cancellationToken);

        public Task<IReadOnlyList<ContainerSummary>> ListContainersAsync(CancellationToken cancellationToken) => _inner.ListContainersAsync(cancellationToken);

        public Task<ContainerDetails> ContainerStatusAsync(string containerId, CancellationToken cancellationToken) => _inner.ContainerStatusAsync(containerId, cancellationToken);

        public Task<bool> ImageExistsAsync(string image, CancellationToken cancellationToken) => _inner.ImageExistsAsync(image, cancellationToken);

        public Task<string> PullImageAsync(string image, CancellationToken cancellationToken) => _inner.PullImageAsync(image, cancellationToken);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
