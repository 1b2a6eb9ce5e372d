using Kubeadm.Core.Configuration;
using Kubeadm.Core.Host;
using Kubeadm.Core.Patches;
using Kubeadm.Core.Pki;

namespace Kubeadm.App.Init;

/// <summary>
/// What every init phase works from, built once per run: the final configuration, the runtime options and the
/// host ports (file system, service manager, clock, randomness, output). In --dry-run the file system is the
/// dry-run overlay, so phases never need to know which mode they run in.
/// </summary>
public sealed class InitContext
{
    public required LoadedInitConfiguration Loaded { get; init; }

    public required IFileSystem FileSystem { get; init; }

    public required IServiceManager ServiceManager { get; init; }

    public required TimeProvider Clock { get; init; }

    public required IRandomSource Random { get; init; }

    public required IKeyGenerator KeyGenerator { get; init; }

    /// <summary>When this run started (UTC); certificates are backdated from it, as kubeadm does.</summary>
    public required DateTimeOffset StartTime { get; init; }

    public required TextWriter Out { get; init; }

    /// <summary>The user's --patches (or patches.directory), applied to manifests and the kubelet configuration.</summary>
    public IPatchApplier Patches { get; init; } = NoPatches.Instance;

    /// <summary>Where dry-run output files are mirrored; null when not in dry-run.</summary>
    public string? DryRunDirectory { get; init; }

    public KubeadmConfig Config => Loaded.Config;

    public InitOptions Options => Loaded.Options;

    public bool DryRun => Loaded.Config.Init.DryRun;

    public bool IsExternalEtcd => Loaded.Config.Cluster.Etcd.External is not null;
}
