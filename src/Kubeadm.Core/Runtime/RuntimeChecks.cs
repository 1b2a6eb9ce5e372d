using System.Text.Json;

namespace Kubeadm.Core.Runtime;

/// <summary>kubeadm's questions to the runtime: is it running and ready, and which sandbox (pause) image it uses.</summary>
public static class RuntimeChecks
{
    public const string RuntimeReady = "RuntimeReady";

    /// <summary>
    /// Version (the connection check) then Status: throws with kubeadm's wording when the runtime does not answer or
    /// its RuntimeReady condition is not true. NetworkReady is not checked (no CNI is expected before init).
    /// </summary>
    public static async Task CheckRunningAsync(IContainerRuntime runtime, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        RuntimeStatus status;
        try
        {
            await runtime.VersionAsync(cancellationToken).ConfigureAwait(false);
            status = await runtime.StatusAsync(verbose: false, cancellationToken).ConfigureAwait(false);
        }
        catch (ContainerRuntimeException e)
        {
            throw new ContainerRuntimeException($"container runtime is not running: {e.Message}", e);
        }

        var ready = status.Conditions.FirstOrDefault(condition => condition.Type == RuntimeReady);
        if (ready is null)
        {
            throw new ContainerRuntimeException(
                $"container runtime at \"{runtime.Endpoint}\" did not report the \"{RuntimeReady}\" condition in its status");
        }

        if (!ready.Status)
        {
            throw new ContainerRuntimeException(
                $"container runtime condition \"{RuntimeReady}\" is not true. reason: {ready.Reason}, message: {ready.Message}");
        }
    }

    /// <summary>The runtime's sandbox image from Status(verbose) info["config"].sandboxImage (containerd 1.x), or why it is unknown.</summary>
    public static async Task<(string? Image, string? Problem)> SandboxImageAsync(IContainerRuntime runtime, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        RuntimeStatus status;
        try
        {
            status = await runtime.StatusAsync(verbose: true, cancellationToken).ConfigureAwait(false);
        }
        catch (ContainerRuntimeException e)
        {
            return (null, e.Message);
        }

        return SandboxImageFromInfo(status.Info);
    }

    public static (string? Image, string? Problem) SandboxImageFromInfo(IReadOnlyDictionary<string, string> info)
    {
        ArgumentNullException.ThrowIfNull(info);
        if (!info.TryGetValue("config", out var config))
        {
            return (null, "no 'config' field in CRI info");
        }

        try
        {
            using var document = JsonDocument.Parse(config);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("sandboxImage", out var image)
                && image.ValueKind == JsonValueKind.String
                ? (image.GetString(), null)
                : (null, "no 'sandboxImage' field in CRI info config");
        }
        catch (JsonException e)
        {
            return (null, $"failed to unmarshal CRI info config: {e.Message}");
        }
    }
}
