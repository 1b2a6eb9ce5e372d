using k8s.KubeConfigModels;
using Kubeadm.App.ClusterApi;
using Kubeadm.App.Init;
using Kubeadm.App.Plan;
using Kubeadm.Core.ClusterApi;
using Kubeadm.Core.Configuration;
using Kubeadm.Core.Configuration.Validation;
using Kubeadm.Core.Constants;
using Kubeadm.Core.Errors;
using Kubeadm.Core.Host;
using Kubeadm.Core.Kubelet;
using Kubeadm.Core.Patches;
using Kubeadm.Core.Pki;
using Kubeadm.Core.Preflight;
using Kubeadm.Core.Runtime;
using Kubeadm.Core.Security;

namespace Kubeadm.App.Join;

/// <summary>
/// What every join phase works from: the JoinConfiguration, the host ports, and, once discovery ran (in preflight,
/// or on first use by a phase run on its own), the cluster: the TLS bootstrap kubeconfig, the bootstrap-token client
/// and this node's configuration (the cluster's ClusterConfiguration and KubeletConfiguration with this node's
/// registration). <see cref="NodeAsync"/> gives that configuration as an init context, so join reuses init's certificate,
/// kubeconfig, manifest, kubelet and mark-control-plane code unchanged.
/// </summary>
public sealed class JoinContext
{
    private JoinClusterState? _cluster;
    private InitContext? _node;
    private KubeadmUserException? _discoveryFailure;

    public required JoinConfiguration Join { get; init; }

    public required JoinOptions Options { get; init; }

    public required IFileSystem FileSystem { get; init; }

    public required IServiceManager ServiceManager { get; init; }

    public required TimeProvider Clock { get; init; }

    public required IRandomSource Random { get; init; }

    public required IKeyGenerator KeyGenerator { get; init; }

    public required TextWriter Out { get; init; }

    public TextWriter Err { get; init; } = TextWriter.Null;

    public string Hostname { get; init; } = "";

    public IPreflightHost? PreflightHost { get; init; }

    public IPatchApplier Patches { get; init; } = NoPatches.Instance;

    public Func<string, string?> GetEnvironmentVariable { get; init; } = _ => null;

    public string? DryRunDirectory { get; init; }

    /// <summary>The files and API objects this run changed.</summary>
    public InitJournal Journal { get; init; } = new();

    /// <summary>Runs discovery and returns the TLS bootstrap kubeconfig.</summary>
    public required Func<JoinConfiguration, CancellationToken, Task<K8SConfiguration>> Discover { get; init; }

    /// <summary>The API client for an in-memory kubeconfig (the bootstrap-token client).</summary>
    public required Func<K8SConfiguration, IClusterApi> ClientFor { get; init; }

    /// <summary>The API client for a kubeconfig file on this node (admin.conf, kubelet.conf).</summary>
    public required Func<string, IClusterApi> ClientForFile { get; init; }

    /// <summary>The etcd membership client for a stacked-etcd control-plane join (needs the node's etcd certificates on disk).</summary>
    public Func<JoinContext, IStackedEtcdMembership>? EtcdMembership { get; init; }

    /// <summary>Opens a client for the node's container runtime at nodeRegistration.criSocket; null where no phase needs one.</summary>
    public Func<IContainerRuntime>? ContainerRuntime { get; init; }

    /// <summary>When the run started (UTC); certificates are backdated from it.</summary>
    public DateTimeOffset StartTime { get; init; }

    public bool DryRun => Join.DryRun;

    /// <summary>Set for `join --plan`: the run takes the dry-run paths over the plan's ports and reports what it would do.</summary>
    public PlanSession? Plan { get; init; }

    public bool IsPlan => Plan is not null;

    public bool IsControlPlane => Join.ControlPlane is not null;

    /// <summary>The Node name the kubelet registers (hostname &lt; nodeRegistration.name &lt; hostname-override).</summary>
    public string NodeName => KubeletFlags.NodeName(Join.NodeRegistration, Hostname);

    /// <summary>Whether the cluster's ControlPlaneKubeletLocalMode gate is on (known after discovery).</summary>
    public bool LocalMode =>
        _cluster is { } cluster && KubeadmFeatureGates.IsEnabled(cluster.Node.Cluster.FeatureGates, KubeadmFeatureGates.ControlPlaneKubeletLocalMode);

    /// <summary>The cluster once discovered (null before, or when discovery failed); never triggers discovery.</summary>
    public JoinClusterState? Discovered => _cluster;

    /// <summary>The cluster as this node sees it, discovered on first use.</summary>
    public async Task<JoinClusterState> ClusterAsync(CancellationToken cancellationToken)
    {
        if (_cluster is not null)
        {
            return _cluster;
        }

        // A plan goes on after a failed phase: discovery failed once is not tried again by every later phase.
        if (_discoveryFailure is not null)
        {
            throw _discoveryFailure;
        }

        K8SConfiguration tlsBootstrap;
        try
        {
            tlsBootstrap = await Discover(Join, cancellationToken).ConfigureAwait(false);
        }
        catch (KubeadmUserException e) when (IsPlan)
        {
            _discoveryFailure = e;
            throw;
        }

        var client = Journal.Track(ClientFor(tlsBootstrap));
        var node = await JoinClusterConfigReader.ReadAsync(client, Join, Out, cancellationToken).ConfigureAwait(false);
        ApplySecurityProfile(node);
        RenameCluster(tlsBootstrap, node.Cluster.ClusterName);
        _cluster = new JoinClusterState(tlsBootstrap, client, node);
        return _cluster;
    }

    /// <summary>This node's configuration as an init context (after <see cref="ClusterAsync"/>).</summary>
    public async Task<InitContext> NodeAsync(CancellationToken cancellationToken)
    {
        if (_node is not null)
        {
            return _node;
        }

        var cluster = await ClusterAsync(cancellationToken).ConfigureAwait(false);
        var options = new InitOptions { Rootfs = Options.Rootfs, DryRun = DryRun, Verbosity = Options.Verbosity };
        _node = new InitContext
        {
            Loaded = new LoadedInitConfiguration(cluster.Node, options),
            FileSystem = FileSystem,
            ServiceManager = ServiceManager,
            Cluster = new AdminClusterAccess(() => Journal.Track(ClientForFile(KubeadmConstants.AdminKubeConfigFile)), () => null, Out),
            Journal = Journal,
            Clock = Clock,
            Random = Random,
            KeyGenerator = KeyGenerator,
            StartTime = StartTime,
            Out = Out,
            Err = Err,
            Patches = Patches,
            GetEnvironmentVariable = GetEnvironmentVariable,
            Hostname = Hostname,
            PreflightHost = PreflightHost,
            DryRunDirectory = DryRunDirectory,
            IsPlan = IsPlan,
            FileReused = Plan is { } plan ? plan.FileReused : _ => { },
            RegisterWithTaints = !IsControlPlane,
        };
        return _node;
    }

    /// <summary>
    /// The profile asked for (--security-profile or the config's SecurityProfile document), or the cluster's own when
    /// its ClusterConfiguration was made with it: a control-plane node must then render the same hardened API server.
    /// A control-plane join asking for the profile on a cluster made without it hardens this node's manifests.
    /// </summary>
    private void ApplySecurityProfile(KubeadmConfig node)
    {
        var clusterHasIt = CisClusterSettings.IsAppliedTo(node.Cluster);
        if (Join.SecurityProfile != SecurityProfile.Cis && !clusterHasIt)
        {
            return;
        }

        node.SecurityProfile = SecurityProfile.Cis;
        if (clusterHasIt && Join.SecurityProfile != SecurityProfile.Cis)
        {
            Out.WriteLine("[preflight] The cluster was set up with the \"cis\" security profile; this node follows it");
        }

        if (IsControlPlane && !clusterHasIt)
        {
            CisClusterSettings.Apply(node.Cluster, message => Err.WriteLine($"WARNING: {message}"));
        }
    }

    /// <summary>kubeadm re-keys the TLS bootstrap cluster entry to the cluster's name once it is known.</summary>
    private static void RenameCluster(K8SConfiguration kubeconfig, string clusterName)
    {
        if (clusterName.Length == 0 || kubeconfig.Clusters is null)
        {
            return;
        }

        var current = kubeconfig.Contexts?.FirstOrDefault(c => c.Name == kubeconfig.CurrentContext)?.ContextDetails;
        var cluster = kubeconfig.Clusters.FirstOrDefault(c => c.Name == current?.Cluster);
        if (cluster is null || current is null)
        {
            return;
        }

        cluster.Name = clusterName;
        current.Cluster = clusterName;
    }
}

/// <summary>The cluster as discovered: the TLS bootstrap kubeconfig, its API client, and this node's configuration.</summary>
public sealed record JoinClusterState(K8SConfiguration TlsBootstrap, IClusterApi BootstrapClient, KubeadmConfig Node);
