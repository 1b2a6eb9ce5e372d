using System.Globalization;
using Grpc.Core;
using Grpc.Net.Client;
using Kubeadm.App.Host;
using Kubeadm.Core.Host;
using Kubeadm.Core.Runtime;

namespace Kubeadm.App.Runtime;

/// <summary>
/// The CRI client: gRPC (HTTP/2 cleartext, authority "localhost") over the runtime's unix socket, from our own
/// runtime.v1 proto. Every call has a deadline (<see cref="CallTimeout"/>, pulls <see cref="PullTimeout"/>); gRPC
/// failures become <see cref="ContainerRuntimeException"/>s naming the endpoint and the runtime's answer.
/// </summary>
public sealed class CriContainerRuntime : IContainerRuntime
{
    /// <summary>kubeadm's per-call deadline (inherited from crictl).</summary>
    public static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(2);

    /// <summary>kubeadm sets no deadline on pulls; ours is long but finite so a hung registry cannot hang kubeadm.</summary>
    public static readonly TimeSpan PullTimeout = TimeSpan.FromMinutes(10);

    private readonly GrpcChannel _channel;
    private readonly Cri.RuntimeService.RuntimeServiceClient _runtime;
    private readonly Cri.ImageService.ImageServiceClient _images;
    private readonly string _socketPath;

    /// <param name="endpoint">The CRI endpoint as configured (unix:///…).</param>
    /// <param name="socketPath">Where that socket really is (under --rootfs).</param>
    public CriContainerRuntime(string endpoint, string socketPath)
    {
        Endpoint = endpoint;
        _socketPath = socketPath;
        _channel = UnixSocketGrpcChannel.Create(socketPath);
        _runtime = new Cri.RuntimeService.RuntimeServiceClient(_channel);
        _images = new Cri.ImageService.ImageServiceClient(_channel);
    }

    public string Endpoint { get; }

    /// <summary>The client for <paramref name="endpoint"/> as seen from the --rootfs of <paramref name="fileSystem"/>.</summary>
    public static CriContainerRuntime For(IFileSystem fileSystem, string endpoint)
    {
        var path = CriEndpoint.SocketPath(endpoint);
        return new CriContainerRuntime(endpoint, fileSystem is PhysicalFileSystem physical ? physical.ToRealPath(path) : path);
    }

    public async Task<RuntimeVersion> VersionAsync(CancellationToken cancellationToken)
    {
        var reply = await CallAsync("Version", CallTimeout, options => _runtime.VersionAsync(new Cri.VersionRequest(), options), cancellationToken).ConfigureAwait(false);
        return new RuntimeVersion(reply.RuntimeName, reply.RuntimeVersion, reply.RuntimeApiVersion);
    }

    public async Task<RuntimeStatus> StatusAsync(bool verbose, CancellationToken cancellationToken)
    {
        var reply = await CallAsync("Status", CallTimeout, options => _runtime.StatusAsync(new Cri.StatusRequest { Verbose = verbose }, options), cancellationToken).ConfigureAwait(false);
        var conditions = reply.Status?.Conditions.Select(c => new RuntimeCondition(c.Type, c.Status, c.Reason, c.Message)).ToList() ?? [];
        return new RuntimeStatus(conditions, reply.Info.ToDictionary(StringComparer.Ordinal));
    }

    public async Task<IReadOnlyList<PodSandboxSummary>> ListPodSandboxesAsync(CancellationToken cancellationToken)
    {
        var reply = await CallAsync("ListPodSandbox", CallTimeout, options => _runtime.ListPodSandboxAsync(new Cri.ListPodSandboxRequest(), options), cancellationToken).ConfigureAwait(false);
        return [.. reply.Items.Select(item => new PodSandboxSummary(
            item.Id, item.Metadata?.Name ?? "", item.Metadata?.Namespace ?? "", item.State == Cri.PodSandboxState.SandboxReady))];
    }

    public Task StopPodSandboxAsync(string podSandboxId, CancellationToken cancellationToken) =>
        CallAsync("StopPodSandbox", CallTimeout, options => _runtime.StopPodSandboxAsync(new Cri.StopPodSandboxRequest { PodSandboxId = podSandboxId }, options), cancellationToken);

    public Task RemovePodSandboxAsync(string podSandboxId, CancellationToken cancellationToken) =>
        CallAsync("RemovePodSandbox", CallTimeout, options => _runtime.RemovePodSandboxAsync(new Cri.RemovePodSandboxRequest { PodSandboxId = podSandboxId }, options), cancellationToken);

    public async Task<IReadOnlyList<ContainerSummary>> ListContainersAsync(CancellationToken cancellationToken)
    {
        var reply = await CallAsync("ListContainers", CallTimeout, options => _runtime.ListContainersAsync(new Cri.ListContainersRequest(), options), cancellationToken).ConfigureAwait(false);
        return [.. reply.Containers.Select(c => new ContainerSummary(
            c.Id,
            c.PodSandboxId,
            c.Metadata?.Name ?? "",
            c.Labels.GetValueOrDefault(CriLabels.PodName, ""),
            c.Labels.GetValueOrDefault(CriLabels.PodNamespace, ""),
            ToState(c.State),
            c.Metadata?.Attempt ?? 0,
            c.CreatedAt))];
    }

    public async Task<ContainerDetails> ContainerStatusAsync(string containerId, CancellationToken cancellationToken)
    {
        var reply = await CallAsync("ContainerStatus", CallTimeout, options => _runtime.ContainerStatusAsync(new Cri.ContainerStatusRequest { ContainerId = containerId }, options), cancellationToken).ConfigureAwait(false);
        var status = reply.Status ?? throw new ContainerRuntimeException($"the container runtime at \"{Endpoint}\" returned no status for container {containerId}");
        var restarts = status.Annotations.TryGetValue(CriLabels.RestartCount, out var text) && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var count)
            ? count
            : (int)(status.Metadata?.Attempt ?? 0);
        return new ContainerDetails(status.Id, status.Metadata?.Name ?? "", ToState(status.State), status.ExitCode, status.Reason, status.Message, status.LogPath, restarts);
    }

    public async Task<bool> ImageExistsAsync(string image, CancellationToken cancellationToken)
    {
        var reply = await CallAsync("ImageStatus", CallTimeout, options => _images.ImageStatusAsync(new Cri.ImageStatusRequest { Image = new Cri.ImageSpec { Image = image } }, options), cancellationToken).ConfigureAwait(false);
        return reply.Image is { } present && present.Id.Length > 0;
    }

    public async Task<string> PullImageAsync(string image, CancellationToken cancellationToken)
    {
        var reply = await CallAsync("PullImage", PullTimeout, options => _images.PullImageAsync(new Cri.PullImageRequest { Image = new Cri.ImageSpec { Image = image } }, options), cancellationToken).ConfigureAwait(false);
        return reply.ImageRef.Length > 0
            ? reply.ImageRef
            : throw new ContainerRuntimeException($"the container runtime at \"{Endpoint}\" returned no image reference for {image}");
    }

    public ValueTask DisposeAsync()
    {
        _channel.Dispose();
        return ValueTask.CompletedTask;
    }

    private static ContainerRunState ToState(Cri.ContainerState state) => state switch
    {
        Cri.ContainerState.ContainerCreated => ContainerRunState.Created,
        Cri.ContainerState.ContainerRunning => ContainerRunState.Running,
        Cri.ContainerState.ContainerExited => ContainerRunState.Exited,
        _ => ContainerRunState.Unknown,
    };

    private async Task<T> CallAsync<T>(string method, TimeSpan timeout, Func<CallOptions, AsyncUnaryCall<T>> call, CancellationToken cancellationToken)
    {
        if (!File.Exists(_socketPath) && !Directory.Exists(_socketPath))
        {
            throw new ContainerRuntimeException(
                $"cannot connect to the container runtime at \"{Endpoint}\": dial unix {_socketPath}: connect: no such file or directory "
                + "(is the runtime installed and started, and is nodeRegistration.criSocket / --cri-socket right?)");
        }

        try
        {
            using var response = call(new CallOptions(deadline: DateTime.UtcNow + timeout, cancellationToken: cancellationToken));
            return await response.ResponseAsync.ConfigureAwait(false);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.Unavailable)
        {
            throw new ContainerRuntimeException(
                $"cannot connect to the container runtime at \"{Endpoint}\": {Innermost(e.Status.DebugException ?? e).Message} (is the runtime started and serving CRI on that socket?)", e);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.DeadlineExceeded && !cancellationToken.IsCancellationRequested)
        {
            throw new ContainerRuntimeException(
                $"the container runtime at \"{Endpoint}\" did not answer {method} within {timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)}s", e);
        }
        catch (RpcException e) when (e.StatusCode != StatusCode.Cancelled || !cancellationToken.IsCancellationRequested)
        {
            throw new ContainerRuntimeException($"rpc error: code = {e.StatusCode} desc = {e.Status.Detail}", e);
        }
    }

    private static Exception Innermost(Exception e)
    {
        while (e.InnerException is not null)
        {
            e = e.InnerException;
        }

        return e;
    }
}
