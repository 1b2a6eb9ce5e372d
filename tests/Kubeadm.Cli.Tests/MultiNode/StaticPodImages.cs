using Kubeadm.Cli.Tests.ControlPlaneHost;

namespace Kubeadm.Cli.Tests.MultiNode;

/// <summary>
/// The "image store" of the kubelet stand-in: which binary an image reference of a static pod runs, the way a
/// kubelet's container runtime would pull the image and run the container's command in it. The tag chooses the build:
/// <c>registry.k8s.io/kube-apiserver:v1.33.5</c> runs <c>&lt;versioned&gt;/v1.33.5/kube-apiserver</c>
/// (scripts/k8s-versioned-binaries.sh), <c>…:v1.20.2</c> the unstamped build, every <c>etcd</c> image Debian's etcd 3.4.
/// Any other reference has no binary: for the stand-in it cannot be pulled, and the pod never starts (ImagePullBackOff).
/// The registry part is ignored (a custom imageRepository maps the same way).
/// </summary>
internal static partial class StaticPodImages
{
    private static readonly HashSet<string> KubernetesComponents = ["kube-apiserver", "kube-controller-manager", "kube-scheduler"];

    /// <summary>The binary <paramref name="executable"/> (the container's command[0]) of <paramref name="image"/>, or null when the image has none.</summary>
    public static string? BinaryFor(string? image, string executable) =>
        BinaryFor(image, executable, K8sTestBinaries.EtcdBinary, K8sTestBinaries.GitVersion, K8sTestBinaries.BinDir, K8sTestBinaries.VersionedBinRoot);

    /// <summary>As <see cref="BinaryFor(string?, string)"/> with the locations given: etcd's binary, the unstamped build (and its version), the stamped builds' root.</summary>
    public static string? BinaryFor(string? image, string executable, string etcdBinary, string unstampedVersion, string unstampedDir, string versionedRoot)
    {
        if (image is null || Parse(image) is not { } reference)
        {
            return null;
        }

        if (reference.Name == "etcd")
        {
            return executable == "etcd" && File.Exists(etcdBinary) ? etcdBinary : null;
        }

        if (!KubernetesComponents.Contains(reference.Name) || executable != reference.Name || !VersionTag().IsMatch(reference.Tag))
        {
            return null;
        }

        var directory = reference.Tag == unstampedVersion ? unstampedDir : Path.Combine(versionedRoot, reference.Tag);
        var binary = Path.Combine(directory, executable);
        return File.Exists(binary) ? binary : null;
    }

    /// <summary>The repository's last path segment and the tag of an image reference ("registry.k8s.io/etcd:3.6.4-0" → etcd, 3.6.4-0); null without a tag.</summary>
    public static (string Name, string Tag)? Parse(string image)
    {
        var withoutDigest = image.Split('@')[0];
        var slash = withoutDigest.LastIndexOf('/');
        var colon = withoutDigest.LastIndexOf(':');
        if (colon <= slash || colon == withoutDigest.Length - 1)
        {
            return null;
        }

        return (withoutDigest[(slash + 1)..colon], withoutDigest[(colon + 1)..]);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^v\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$")]
    private static partial System.Text.RegularExpressions.Regex VersionTag();
}
