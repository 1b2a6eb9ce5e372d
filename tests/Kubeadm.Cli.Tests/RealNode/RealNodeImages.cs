using Kubeadm.Cli.Tests.ControlPlaneHost;
using Kubeadm.Cli.Tests.Runtime;

namespace Kubeadm.Cli.Tests.RealNode;

/// <summary>
/// The real-node test images, named exactly as `kubeadm config images list` names them for the test's
/// imageRepository and kubernetesVersion, assembled locally as OCI archives (binary + libc + loader, no network):
/// kube-controller-manager is the 1.20 binary as it is; etcd (Debian's 3.4), kube-scheduler and kube-apiserver
/// (1.20) sit behind the test image shim (TestImageShim/main.go) under the command name, the real binary beside it
/// as &lt;name&gt;-real; pause is the shim itself. CoreDNS and kube-proxy are not built (no binaries
/// here; the addons are only API objects for init).
/// </summary>
internal static class RealNodeImages
{
    private const string BinOnPath = "/usr/local/bin/";

    /// <summary>The image's name without repository and tag ("registry.local/k8s/etcd:3.6.4-0" → "etcd").</summary>
    public static string NameOf(string reference)
    {
        var lastSegment = reference[(reference.LastIndexOf('/') + 1)..];
        return lastSegment.Split(':')[0];
    }

    /// <summary>Whether the test builds this image.</summary>
    public static bool IsBuilt(string reference) =>
        NameOf(reference) is "kube-apiserver" or "kube-controller-manager" or "kube-scheduler" or "etcd" or "pause";

    /// <summary>Writes the archive for <paramref name="reference"/> into <paramref name="directory"/> and returns its path.</summary>
    public static async Task<string> WriteArchiveAsync(string reference, string shim, string directory)
    {
        var name = NameOf(reference);
        var shimBytes = await File.ReadAllBytesAsync(shim);
        var image = name switch
        {
            "kube-controller-manager" =>
                (await new OciImageBuilder().WithExecutableAsync(Path.Combine(K8sTestBinaries.BinDir, name), BinOnPath + name))
                .WithEntrypoint(BinOnPath + name),
            "kube-scheduler" or "kube-apiserver" =>
                (await new OciImageBuilder().WithExecutableAsync(Path.Combine(K8sTestBinaries.BinDir, name), BinOnPath + name + "-real"))
                .WithFile(BinOnPath + name, shimBytes).WithEntrypoint(BinOnPath + name),
            "etcd" =>
                (await new OciImageBuilder().WithExecutableAsync(K8sTestBinaries.EtcdBinary, BinOnPath + "etcd-real"))
                .WithFile(BinOnPath + "etcd", shimBytes).WithEntrypoint(BinOnPath + "etcd"),
            "pause" => new OciImageBuilder().WithFile("/pause", shimBytes).WithEntrypoint("/pause"),
            _ => throw new ArgumentException($"the real-node test builds no image for {reference}", nameof(reference)),
        };
        var archive = Path.Combine(directory, name + ".oci.tar");
        image.WriteArchive(archive, reference);
        return archive;
    }
}
