using Kubeadm.App.Host;
using Kubeadm.App.Preflight;
using Kubeadm.App.Reset;
using Kubeadm.App.Runtime;
using Kubeadm.Core.Host;
using Kubeadm.Core.Preflight;
using Kubeadm.Core.Pki;
using Kubeadm.Core.Runtime;

namespace Kubeadm.App.Init;

/// <summary>
/// The host as the commands see it: output streams, the file system for a given --rootfs, host facts, the service
/// manager, clock, randomness and environment variables. The CLI passes the real host; tests pass fakes.
/// </summary>
public sealed record InitEnvironment
{
    public required TextWriter Out { get; init; }

    public required TextWriter Err { get; init; }

    /// <summary>The file system rooted at a --rootfs directory.</summary>
    public required Func<string, IFileSystem> FileSystemFor { get; init; }

    public required Func<IFileSystem, IHostInfo> HostInfoFor { get; init; }

    public required Func<IServiceManager> ServiceManager { get; init; }

    public TimeProvider Clock { get; init; } = TimeProvider.System;

    public IRandomSource Random { get; init; } = new CryptoRandomSource();

    public IKeyGenerator KeyGenerator { get; init; } = new SystemKeyGenerator();

    public Func<string, string?> GetEnvironmentVariable { get; init; } = Environment.GetEnvironmentVariable;

    /// <summary>Host probes for preflight over the --rootfs file system (the real host unless a test replaces it).</summary>
    public Func<IFileSystem, IPreflightHost> PreflightHostFor { get; init; } =
        fileSystem => new LinuxPreflightHost(fileSystem);

    /// <summary>A CRI client for an endpoint, its socket path taken under the --rootfs of the file system.</summary>
    public Func<IFileSystem, string, IContainerRuntime> ContainerRuntimeFor { get; init; } = CriContainerRuntime.For;

    /// <summary>The mounts of the host under a --rootfs (the real /proc/mounts and umount2 for the physical host).</summary>
    public Func<IFileSystem, IMountTable> MountTableFor { get; init; } = fileSystem =>
        fileSystem is PhysicalFileSystem physical ? new LinuxMountTable(physical.Rootfs) : new FileMountTable(fileSystem);

    /// <summary>Reads a user-named input file (--config); not rooted at --rootfs, like a path typed in the shell.</summary>
    public Func<string, byte[]> ReadUserFile { get; init; } = File.ReadAllBytes;

    /// <summary>Reads one line typed by the user (the reset confirmation); null when standard input has no more lines.</summary>
    public Func<string?> ReadLine { get; init; } = Console.ReadLine;

    /// <summary>Where `kubeadm join` reads cluster-info during discovery (the real API server unless a test replaces it).</summary>
    public Func<Kubeadm.App.Join.IClusterInfoSource> ClusterInfoSource { get; init; } = () => new Kubeadm.App.Join.KubernetesClusterInfoSource();

    /// <summary>The stacked-etcd membership client for a control-plane join; null when this build has none.</summary>
    public Func<Kubeadm.App.Join.JoinContext, Kubeadm.App.Join.IStackedEtcdMembership>? EtcdMembership { get; init; }

    /// <summary>The API client for a kubeconfig file on the host (token commands); null means the real client, with kubeadm's retries.</summary>
    public Func<IFileSystem, string, Kubeadm.Core.ClusterApi.IClusterApi>? ClusterClientFor { get; init; }

    /// <summary>The API client for an in-memory kubeconfig (join's TLS bootstrap client); null means the real client.</summary>
    public Func<k8s.KubeConfigModels.K8SConfiguration, Kubeadm.Core.ClusterApi.IClusterApi>? ClusterClientForKubeconfig { get; init; }

    /// <summary>The etcd client for known endpoints (reset's remove-etcd-member); null means the real one.</summary>
    public Func<Kubeadm.App.EtcdApi.EtcdClientRequest, Kubeadm.Core.EtcdApi.IEtcdCluster>? EtcdClientFor { get; init; }
}
