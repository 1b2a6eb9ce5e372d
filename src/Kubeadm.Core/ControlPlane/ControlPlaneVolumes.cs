using Kubeadm.Core.Configuration;
using Kubeadm.Core.Constants;

namespace Kubeadm.Core.ControlPlane;

/// <summary>The hostPath volumes of the API server, controller manager and scheduler pods, as kubeadm chooses them.</summary>
public static class ControlPlaneVolumes
{
    public const string CertificatesVolume = "k8s-certs";
    public const string CaCertsVolume = "ca-certs";
    public const string CaCertsPath = "/etc/ssl/certs";
    public const string KubeconfigVolume = "kubeconfig";
    public const string FlexVolumeDirVolume = "flexvolume-dir";
    public const string DefaultFlexVolumeDir = "/usr/libexec/kubernetes/kubelet-plugins/volume/exec";
    public const string ControllerManagerKubeconfig = KubeadmConstants.KubernetesDir + "/controller-manager.conf";
    public const string SchedulerKubeconfig = KubeadmConstants.KubernetesDir + "/scheduler.conf";

    /// <summary>
    /// Directories /etc/ssl/certs may link into; each one that exists on the host is mounted read-only into the API
    /// server and controller manager, named after its path.
    /// </summary>
    public static readonly IReadOnlyList<string> CaTrustDirectories =
        ["/etc/pki/ca-trust", "/etc/pki/tls/certs", "/etc/ca-certificates", "/usr/share/ca-certificates", "/usr/local/share/ca-certificates"];

    public static HostPathVolumes ForApiServer(ClusterConfiguration cluster, StaticPodHostFacts host)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(host);
        var volumes = new HostPathVolumes();
        AddCertificateDirectories(volumes, cluster);
        if (cluster.Etcd.External is { } external)
        {
            var index = 0;
            foreach (var directory in ExternalEtcdCertificateDirectories(external, cluster.CertificatesDir))
            {
                volumes.Add($"etcd-certs-{index++}", directory, directory, readOnly: true, HostPathVolumes.DirectoryOrCreate);
            }
        }

        AddCaTrustDirectories(volumes, host);
        AddExtraVolumes(volumes, cluster.ApiServer.ExtraVolumes);
        return volumes;
    }

    public static HostPathVolumes ForControllerManager(ClusterConfiguration cluster, StaticPodHostFacts host)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(host);
        var volumes = new HostPathVolumes();
        AddCertificateDirectories(volumes, cluster);
        volumes.Add(KubeconfigVolume, ControllerManagerKubeconfig, ControllerManagerKubeconfig, readOnly: true, HostPathVolumes.FileOrCreate);

        // Third-party storage plugins talk to the controller manager through sockets in this directory, so it stays writable.
        var flexVolumeDir = ArgumentList.LastValue(cluster.ControllerManager.ExtraArgs, "flex-volume-plugin-dir") ?? DefaultFlexVolumeDir;
        volumes.Add(FlexVolumeDirVolume, flexVolumeDir, flexVolumeDir, readOnly: false, HostPathVolumes.DirectoryOrCreate);
        AddCaTrustDirectories(volumes, host);
        AddExtraVolumes(volumes, cluster.ControllerManager.ExtraVolumes);
        return volumes;
    }

    public static HostPathVolumes ForScheduler(ClusterConfiguration cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var volumes = new HostPathVolumes();
        volumes.Add(KubeconfigVolume, SchedulerKubeconfig, SchedulerKubeconfig, readOnly: true, HostPathVolumes.FileOrCreate);
        AddExtraVolumes(volumes, cluster.Scheduler.ExtraVolumes);
        return volumes;
    }

    /// <summary>
    /// The directories holding the external etcd client files that are not already mounted (certificate dir, CA-trust
    /// dirs), with nested directories folded into their parent; sorted.
    /// </summary>
    public static IReadOnlyList<string> ExternalEtcdCertificateDirectories(ExternalEtcd external, string certificatesDir)
    {
        ArgumentNullException.ThrowIfNull(external);
        var directories = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in new[] { external.CaFile, external.CertFile, external.KeyFile })
        {
            var directory = GoDirectoryName(file);
            if (directory == "." || AlreadyMounted(directory, certificatesDir))
            {
                continue;
            }

            var coveredByExisting = false;
            foreach (var existing in directories.ToList())
            {
                if (existing.StartsWith(directory, StringComparison.Ordinal))
                {
                    directories.Remove(existing);
                }
                else if (directory.StartsWith(existing, StringComparison.Ordinal))
                {
                    coveredByExisting = true;
                }
            }

            if (!coveredByExisting)
            {
                directories.Add(directory);
            }
        }

        return [.. directories];
    }

    /// <summary>The volume name of a host directory: its path with '/' turned into '-' and the leading one dropped.</summary>
    public static string VolumeNameFor(string path) => path.Replace('/', '-')[1..];

    private static bool AlreadyMounted(string directory, string certificatesDir) =>
        CaTrustDirectories.Any(trusted => directory.StartsWith(trusted, StringComparison.Ordinal))
        || directory.StartsWith(CaCertsPath, StringComparison.Ordinal)
        || directory.StartsWith(certificatesDir, StringComparison.Ordinal);

    private static void AddCertificateDirectories(HostPathVolumes volumes, ClusterConfiguration cluster)
    {
        volumes.Add(CertificatesVolume, cluster.CertificatesDir, cluster.CertificatesDir, readOnly: true, HostPathVolumes.DirectoryOrCreate);
        volumes.Add(CaCertsVolume, CaCertsPath, CaCertsPath, readOnly: true, HostPathVolumes.DirectoryOrCreate);
    }

    private static void AddCaTrustDirectories(HostPathVolumes volumes, StaticPodHostFacts host)
    {
        foreach (var directory in CaTrustDirectories.Where(host.HostPathExists))
        {
            volumes.Add(VolumeNameFor(directory), directory, directory, readOnly: true, HostPathVolumes.DirectoryOrCreate);
        }
    }

    private static void AddExtraVolumes(HostPathVolumes volumes, IEnumerable<HostPathMount> extraVolumes)
    {
        foreach (var extra in extraVolumes)
        {
            volumes.Add(extra.Name, extra.HostPath, extra.MountPath, extra.ReadOnly, extra.PathType);
        }
    }

    // Go's filepath.Dir: "" gives ".", "/a/b.crt" gives "/a", "b.crt" gives ".".
    private static string GoDirectoryName(string path)
    {
        if (path.Length == 0)
        {
            return ".";
        }

        var slash = path.LastIndexOf('/');
        return slash switch
        {
            < 0 => ".",
            0 => "/",
            _ => path[..slash].TrimEnd('/') is { Length: > 0 } trimmed ? trimmed : "/",
        };
    }
}
