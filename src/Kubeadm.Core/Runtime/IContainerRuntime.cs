namespace Kubeadm.Core.Runtime;

/// <summary>
/// The node's container runtime as kubeadm talks to it over CRI (runtime.v1). Every call is bounded by a deadline;
/// failures are <see cref="ContainerRuntimeException"/>s whose message names the endpoint and the runtime's answer.
/// </summary>
public interface IContainerRuntime : IAsyncDisposable
{
    /// <summary>The CRI endpoint as configured (e.g. unix:///var/run/containerd/containerd.sock).</summary>
    string Endpoint { get; }

    Task<RuntimeVersion> VersionAsync(CancellationToken cancellationToken);

    /// <summary>The runtime's conditions; with <paramref name="verbose"/> also its info map (containerd: "config" JSON).</summary>
    Task<RuntimeStatus> StatusAsync(bool verbose, CancellationToken cancellationToken);

    Task<IReadOnlyList<PodSandboxSummary>> ListPodSandboxesAsync(CancellationToken cancellationToken);

    Task StopPodSandboxAsync(string podSandboxId, CancellationToken cancellationToken);

    Task RemovePodSandboxAsync(string podSandboxId, CancellationToken cancellationToken);

    Task<IReadOnlyList<ContainerSummary>> ListContainersAsync(CancellationToken cancellationToken);

    Task<ContainerDetails> ContainerStatusAsync(string containerId, CancellationToken cancellationToken);

    /// <summary>Whether the image is present; an absent image is false, not an error.</summary>
    Task<bool> ImageExistsAsync(string image, CancellationToken cancellationToken);

    /// <summary>Pulls one image; returns the runtime's image reference (containerd: the config digest).</summary>
    Task<string> PullImageAsync(string image, CancellationToken cancellationToken);
}

public sealed record RuntimeVersion(string RuntimeName, string RuntimeVersionText, string RuntimeApiVersion);

public sealed record RuntimeCondition(string Type, bool Status, string Reason, string Message);

public sealed record RuntimeStatus(IReadOnlyList<RuntimeCondition> Conditions, IReadOnlyDictionary<string, string> Info);

public sealed record PodSandboxSummary(string Id, string Name, string Namespace, bool Ready);

public enum ContainerRunState
{
    Created,
    Running,
    Exited,
    Unknown,
}

/// <summary>One container as ListContainers reports it; pod name and namespace come from the kubelet's labels.</summary>
public sealed record ContainerSummary(
    string Id, string PodSandboxId, string Name, string PodName, string PodNamespace, ContainerRunState State, uint Attempt, long CreatedAtNanoseconds);

/// <summary>One container's status; <see cref="RestartCount"/> is the kubelet's annotation, else the CRI attempt.</summary>
public sealed record ContainerDetails(
    string Id, string Name, ContainerRunState State, int ExitCode, string Reason, string Message, string LogPath, int RestartCount);

/// <summary>A container runtime call failed; the message says what, where (the endpoint) and the runtime's answer.</summary>
public sealed class ContainerRuntimeException : Errors.KubeadmUserException
{
    public ContainerRuntimeException()
    {
    }

    public ContainerRuntimeException(string message)
        : base(message)
    {
    }

    public ContainerRuntimeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
