using Kubeadm.App.Certs;
using Kubeadm.App.ClusterApi;
using Kubeadm.Core.ClusterApi;
using Kubeadm.Core.Configuration;
using Kubeadm.Core.Host;
using Kubeadm.Core.Patches;
using Kubeadm.Core.Preflight;
using Kubeadm.Core.Pki;
using Kubeadm.Core.Runtime;

namespace Kubeadm.App.Init;

/// <summary>
/// What every init phase works from, built once per run: the final configuration, the runtime options and the
/// host ports (file system, service manager, clock, randomness, output). In --dry-run the file system is the
/// dry-run overlay, so phases never need to know which mode they run in.
/// </summary>
public sealed class InitContext
{
    private PkiRunState? _pki;

    public required LoadedInitConfiguration Loaded { get; init; }

    public required IFileSystem FileSystem { get; init; }

    public required IServiceManager ServiceManager { get; init; }

    /// <summary>The API server, through admin.conf (or the dry-run printer); created on first use by a cluster phase.</summary>
    public AdminClusterAccess Cluster { get; init; } = AdminClusterAccess.Unavailable;

    /// <summary>The files and API objects this run changed.</summary>
    public InitJournal Journal { get; init; } = new();

    public required TimeProvider Clock { get; init; }

    public required IRandomSource Random { get; init; }

    public required IKeyGenerator KeyGenerator { get; init; }

    /// <summary>When this run started (UTC); certificates are backdated from it, as kubeadm does.</summary>
    public required DateTimeOffset StartTime { get; init; }

    public required TextWriter Out { get; init; }

    /// <summary>Where warnings go (kubeadm logs them to stderr).</summary>
    public TextWriter Err { get; init; } = TextWriter.Null;

    /// <summary>State the certs sub-phases share within this run (keys generated ahead, warnings already shown).</summary>
    public PkiRunState Pki => LazyInitializer.EnsureInitialized(ref _pki, () => new PkiRunState(KeyGenerator));

    /// <summary>The user's --patches (or patches.directory), applied to manifests and the kubelet configuration.</summary>
    public IPatchApplier Patches { get; init; } = NoPatches.Instance;

    /// <summary>Reads the kubeadm process's environment (proxy variables are passed on to the control-plane pods).</summary>
    public Func<string, string?> GetEnvironmentVariable { get; init; } = _ => null;

    /// <summary>The host's name as kubeadm reads it (trimmed, lower-cased); the kubelet gets --hostname-override when the node name differs.</summary>
    public string Hostname { get; init; } = "";

    /// <summary>The certificate key upload-certs encrypted the kubeadm-certs Secret with (for show-join-command); null until then.</summary>
    public string? UploadedCertificateKey { get; set; }

    /// <summary>Host probes for the preflight checks (ports, PATH, DNS, CRI socket, systemd); null when the run cannot check.</summary>
    public IPreflightHost? PreflightHost { get; init; }

    /// <summary>Opens a client for the node's container runtime at nodeRegistration.criSocket; null where no phase needs one.</summary>
    public Func<IContainerRuntime>? ContainerRuntime { get; init; }

    /// <summary>A worker join: the kubelet flags carry --register-with-taints (init and control planes taint in mark-control-plane).</summary>
    public bool RegisterWithTaints { get; init; }

    /// <summary>Where dry-run output files are mirrored; null when not in dry-run.</summary>
    public string? DryRunDirectory { get; init; }

    /// <summary>How host paths map into <see cref="DryRunDirectory"/>; null when not in dry-run.</summary>
    public DryRunMirror? DryRunMirror { get; init; }

    /// <summary>The path kubeadm names to the user for a host path: in --dry-run, where its copy really is.</summary>
    public string ShownPath(string hostPath) => DryRunMirror?.PathOf(hostPath) ?? hostPath;

    public KubeadmConfig Config => Loaded.Config;

    public InitOptions Options => Loaded.Options;

    public bool DryRun => Loaded.Config.Init.DryRun;

    /// <summary>`--plan`: <see cref="DryRun"/> is set too; a phase that skips work in --dry-run only to keep the printout
    /// short still computes it (into the plan's overlay), so the plan sees every file the real run would write.</summary>
    public bool IsPlan { get; init; }

    /// <summary>
    /// Told of each existing file a phase decided to keep as it is (a reused certificate, key or kubeconfig), which
    /// therefore is never written; `--plan` lists them as unchanged. Does nothing in a real run.
    /// </summary>
    public Action<string> FileReused { get; init; } = _ => { };

    public bool IsExternalEtcd => Loaded.Config.Cluster.Etcd.External is not null;

    /// <summary>
    /// A phase's independent API writes, issued at once over the run's client with its lines printed in order;
    /// one by one in --dry-run, where every request is printed as it is made.
    /// </summary>
    public ApiWriteSteps ApiWrites() => new(Out, concurrent: !DryRun);
}
