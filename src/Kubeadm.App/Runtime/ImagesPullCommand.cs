using Kubeadm.Core.Configuration;
using Kubeadm.Core.Errors;
using Kubeadm.Core.Images;
using Kubeadm.Core.Runtime;

namespace Kubeadm.App.Runtime;

/// <summary>
/// `kubeadm config images pull`: pulls every control-plane image (no presence check, as kubeadm), printing
/// "[config/images] Pulled &lt;image&gt;" for each. Serial in list order, stopping at the first failure, like kubeadm;
/// with nodeRegistration.imagePullSerial: false in --config all images are pulled at once (our fast path) and every
/// failure is reported.
/// </summary>
public static class ImagesPullCommand
{
    public static async Task RunAsync(IContainerRuntime runtime, KubeadmConfig config, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(output);
        var images = ControlPlaneImages.List(config.Cluster, _ => { });
        try
        {
            await runtime.VersionAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (ContainerRuntimeException e)
        {
            throw new KubeadmUserException($"container runtime is not running: {e.Message}", e);
        }

        if (config.Init.NodeRegistration.ImagePullSerial == false)
        {
            await PullInParallelAsync(runtime, images, output, cancellationToken).ConfigureAwait(false);
            return;
        }

        foreach (var image in images)
        {
            try
            {
                await ImagePuller.PullAsync(runtime, image, cancellationToken).ConfigureAwait(false);
            }
            catch (ContainerRuntimeException e)
            {
                throw new KubeadmUserException($"failed to pull image \"{image}\": {e.Message}", e);
            }

            output.WriteLine($"[config/images] Pulled {image}");
        }
    }

    private static async Task PullInParallelAsync(IContainerRuntime runtime, IReadOnlyList<string> images, TextWriter output, CancellationToken cancellationToken)
    {
        var gate = new Lock();
        var errors = await Task.WhenAll(images.Select(async image =>
        {
            try
            {
                await ImagePuller.PullAsync(runtime, image, cancellationToken).ConfigureAwait(false);
                lock (gate)
                {
                    output.WriteLine($"[config/images] Pulled {image}");
                }

                return null;
            }
            catch (ContainerRuntimeException e)
            {
                return $"failed to pull image \"{image}\": {e.Message}";
            }
        })).ConfigureAwait(false);
        var failed = errors.Where(error => error is not null).ToList();
        if (failed.Count > 0)
        {
            throw new KubeadmUserException(string.Join("\n", failed));
        }
    }
}
