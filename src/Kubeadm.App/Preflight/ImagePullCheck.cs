using Kubeadm.Core.Configuration;
using Kubeadm.Core.Images;
using Kubeadm.Core.Preflight;
using Kubeadm.Core.Runtime;

namespace Kubeadm.App.Preflight;

/// <summary>
/// The `ImagePull` preflight check: pulls the control-plane images the runtime does not have, honouring
/// nodeRegistration.imagePullPolicy (Always / IfNotPresent / Never) and imagePullSerial (unset = serial, as kubeadm;
/// false = all at once), and warns when the runtime's sandbox image differs from kubeadm's pause image.
/// Differences from kubeadm, on purpose: with Never, images that are absent are errors naming them (kubeadm lets the
/// kubelet fail later); a runtime that cannot be reached is this check's error, so --ignore-preflight-errors=ImagePull
/// covers it.
/// </summary>
public static class ImagePullCheck
{
    public const string Name = "ImagePull";

    public static readonly IReadOnlyList<string> Intro =
    [
        "[preflight] Pulling images required for setting up a Kubernetes cluster",
        "[preflight] This might take a minute or two, depending on the speed of your internet connection",
        "[preflight] You can also perform this action beforehand using 'kubeadm config images pull'",
    ];

    public static PreflightCheck Create(KubeadmConfig config, Func<IContainerRuntime> connect, TextWriter err, int verbosity)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(connect);
        ArgumentNullException.ThrowIfNull(err);
        var registration = config.Init.NodeRegistration;
        var policy = registration.ImagePullPolicy.Length > 0 ? registration.ImagePullPolicy : "IfNotPresent";
        var images = ControlPlaneImages.List(config.Cluster, _ => { });
        var pause = ControlPlaneImages.Pause(config.Cluster);
        void Log(string line)
        {
            if (verbosity >= 1)
            {
                err.WriteLine(line);
            }
        }

        return new PreflightCheck(Name, async ct =>
        {
            if (policy is not ("Always" or "IfNotPresent" or "Never"))
            {
                return CheckOutcome.Error($"unsupported pull policy \"{policy}\"");
            }

            try
            {
                await using var runtime = connect();
                if (policy == "Never")
                {
                    Log("skipping the pull of all images due to policy: Never");
                    return await AbsentImagesAsync(runtime, images, ct).ConfigureAwait(false);
                }

                Log($"using image pull policy: {policy}");
                await WarnAboutSandboxImageAsync(runtime, pause, err, Log, ct).ConfigureAwait(false);
                var outcomes = await ImagePuller.PullAllAsync(
                    runtime, images, ifNotPresent: policy == "IfNotPresent", serial: registration.ImagePullSerial ?? true, Log, ct).ConfigureAwait(false);
                var errors = outcomes.Where(outcome => outcome.Error is not null).Select(outcome => outcome.Error!).ToList();
                return new CheckOutcome([], errors);
            }
            catch (ContainerRuntimeException e)
            {
                return CheckOutcome.Error(e.Message);
            }
        });
    }

    private static async Task<CheckOutcome> AbsentImagesAsync(IContainerRuntime runtime, IReadOnlyList<string> images, CancellationToken cancellationToken)
    {
        var errors = new List<string>();
        foreach (var image in images)
        {
            if (!await runtime.ImageExistsAsync(image, cancellationToken).ConfigureAwait(false))
            {
                errors.Add(
                    $"image {image} is not present on the node and nodeRegistration.imagePullPolicy is Never: "
                    + "load it into the container runtime (or run 'kubeadm config images pull'), or set imagePullPolicy to IfNotPresent");
            }
        }

        return new CheckOutcome([], errors);
    }

    private static async Task WarnAboutSandboxImageAsync(
        IContainerRuntime runtime, string pause, TextWriter err, Action<string> log, CancellationToken cancellationToken)
    {
        var (sandboxImage, problem) = await RuntimeChecks.SandboxImageAsync(runtime, cancellationToken).ConfigureAwait(false);
        if (sandboxImage is null)
        {
            log($"failed to detect the sandbox image for local container runtime, {problem}");
        }
        else if (!string.Equals(sandboxImage, pause, StringComparison.Ordinal))
        {
            err.WriteLine(
                $"W detected that the sandbox image \"{sandboxImage}\" of the container runtime is inconsistent with that used by kubeadm. "
                + $"It is recommended to use \"{pause}\" as the CRI sandbox image.");
        }
    }
}
