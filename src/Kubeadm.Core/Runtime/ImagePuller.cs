namespace Kubeadm.Core.Runtime;

/// <summary>
/// Pulls images through the runtime as kubeadm does: each pull tried up to 5 times back to back; serially in list
/// order or all at once; with "if not present" an ImageStatus first. Failures are collected per image, never thrown.
/// </summary>
public static class ImagePuller
{
    public const int PullAttempts = 5;

    /// <summary>One image's outcome: pulled (with the runtime's reference), already present, or failed (with the error).</summary>
    public sealed record Outcome(string Image, bool Pulled, string? Error);

    /// <summary>Pulls one image (5 attempts); throws "failed to pull image X: &lt;last error&gt;".</summary>
    public static async Task<string> PullAsync(IContainerRuntime runtime, string image, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        ContainerRuntimeException? last = null;
        for (var attempt = 0; attempt < PullAttempts; attempt++)
        {
            try
            {
                return await runtime.PullImageAsync(image, cancellationToken).ConfigureAwait(false);
            }
            catch (ContainerRuntimeException e)
            {
                last = e;
            }
        }

        throw new ContainerRuntimeException($"failed to pull image {image}: {last!.Message}", last);
    }

    /// <summary>Pulls every image (skipping present ones when <paramref name="ifNotPresent"/>); in parallel unless <paramref name="serial"/>.</summary>
    public static async Task<IReadOnlyList<Outcome>> PullAllAsync(
        IContainerRuntime runtime, IReadOnlyList<string> images, bool ifNotPresent, bool serial, Action<string> log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(log);
        if (serial)
        {
            var outcomes = new List<Outcome>(images.Count);
            foreach (var image in images)
            {
                outcomes.Add(await PullOneAsync(runtime, image, ifNotPresent, log, cancellationToken).ConfigureAwait(false));
            }

            return outcomes;
        }

        log("pulling all images in parallel");
        return await Task.WhenAll(images.Select(image => PullOneAsync(runtime, image, ifNotPresent, log, cancellationToken))).ConfigureAwait(false);
    }

    private static async Task<Outcome> PullOneAsync(IContainerRuntime runtime, string image, bool ifNotPresent, Action<string> log, CancellationToken cancellationToken)
    {
        try
        {
            if (ifNotPresent && await ExistsAsync(runtime, image, log, cancellationToken).ConfigureAwait(false))
            {
                log($"image exists: {image}");
                return new Outcome(image, Pulled: false, Error: null);
            }

            log($"pulling: {image}");
            await PullAsync(runtime, image, cancellationToken).ConfigureAwait(false);
            log($"done pulling: {image}");
            return new Outcome(image, Pulled: true, Error: null);
        }
        catch (ContainerRuntimeException e)
        {
            return new Outcome(image, Pulled: false, Error: $"failed to pull image {image}: {e.Message}");
        }
    }

    /// <summary>An ImageStatus error counts as "not present" (kubeadm logs it and pulls).</summary>
    private static async Task<bool> ExistsAsync(IContainerRuntime runtime, string image, Action<string> log, CancellationToken cancellationToken)
    {
        try
        {
            return await runtime.ImageExistsAsync(image, cancellationToken).ConfigureAwait(false);
        }
        catch (ContainerRuntimeException e)
        {
            log($"Failed to get image status, image: \"{image}\", error: {e.Message}");
            return false;
        }
    }
}
