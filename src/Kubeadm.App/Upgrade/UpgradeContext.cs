using Kubeadm.App.Init;
using Kubeadm.Core.ClusterApi;
using Kubeadm.Core.Configuration;
using Kubeadm.Core.Constants;
using Kubeadm.Core.ControlPlane;
using Kubeadm.Core.EtcdApi;
using Kubeadm.Core.Host;
using Kubeadm.Core.Preflight;
using Kubeadm.Core.Upgrade.Apply;

namespace Kubeadm.App.Upgrade;

/// <summary>
/// What every `upgrade apply` / `upgrade node` phase works from: this node's configuration for the TARGET version as an
/// init context (so the upgrade writes manifests, certificates, the kubelet's config.yaml and the addons with init's
/// own code), the API client, the options, the version the cluster ran before, and the run's state and results.
/// </summary>
public sealed class UpgradeContext
{
    public required InitContext Node { get; init; }

    public required UpgradeOptions Options { get; init; }

    /// <summary>The API server (read-through, printing writes, in --dry-run).</summary>
    public required IClusterApi Api { get; init; }

    /// <summary>The kubernetesVersion kubeadm-config held before this run.</summary>
    public required string ClusterVersion { get; init; }

    /// <summary>The Node this runs on (kubelet.conf's identity, else the host name).</summary>
    public required string NodeName { get; init; }

    /// <summary>`upgrade apply` (first control plane) or `upgrade node` (the others and the workers).</summary>
    public required bool IsApply { get; init; }

    /// <summary>An etcd client for the local member's client URL; null with external etcd.</summary>
    public Func<IEtcdCluster>? EtcdClient { get; init; }

    /// <summary>Reads one line typed by the user (the confirmation prompt).</summary>
    public Func<string?> ReadLine { get; init; } = () => null;

    /// <summary>--ignore-preflight-errors.</summary>
    public IgnoredPreflightErrors IgnorePreflightErrors { get; init; } = IgnoredPreflightErrors.None;

    /// <summary>The API server's /version (gitVersion).</summary>
    public required Func<CancellationToken, Task<string>> ServerVersion { get; init; }

    /// <summary>The root check; defaults to the process's real privileges.</summary>
    public Func<bool> IsPrivilegedUser { get; init; } = () => Environment.IsPrivilegedProcess;

    /// <summary>Opens the node's container runtime (the ImagePull check); null where none is configured.</summary>
    public Func<Kubeadm.Core.Runtime.IContainerRuntime>? ContainerRuntime { get; init; }

    /// <summary>The progress of this upgrade on this node (loaded or started by the control-plane phase).</summary>
    public UpgradeRunState? State { get; set; }

    /// <summary>What each phase reported for `-o json`.</summary>
    public List<string> Notes { get; } = [];

    public KubeadmConfig Config => Node.Config;

    public IFileSystem FileSystem => Node.FileSystem;

    public TextWriter Out => Node.Out;

    public TextWriter Err => Node.Err;

    public TimeProvider Clock => Node.Clock;

    public bool DryRun => Options.DryRun;

    public string TargetVersion => Config.Cluster.KubernetesVersion;

    /// <summary>A control-plane node has the API server's static Pod manifest.</summary>
    public bool IsControlPlaneNode => FileSystem.FileExists(ComponentNames.ManifestPath(KubeadmConstants.ManifestsDir, ComponentNames.ApiServer));

    public TimeSpan UpgradeManifestsTimeout =>
        Options.UpgradeManifestsTimeout ?? Config.Init.Timeouts.UpgradeManifests ?? KubeadmConstants.UpgradeManifestsTimeout;

    public StaticPodWaiter Waiter() => new(Api, NodeName, Clock, UpgradeManifestsTimeout, Options.PollInterval, Out);
}
