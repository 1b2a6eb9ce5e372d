using Kubeadm.App.ClusterApi;
using Kubeadm.App.Init;
using Kubeadm.App.Plan;
using Kubeadm.Core.Constants;
using Kubeadm.Core.Errors;
using Kubeadm.Core.Host;
using Kubeadm.Core.KubeConfig;
using Kubeadm.Core.Patches;

namespace Kubeadm.App.Join;

/// <summary>
/// Builds the <see cref="JoinContext"/> for a run: loads and validates the JoinConfiguration, then picks the real or
/// dry-run ports. In --dry-run files go to the dry-run directory, the kubelet is left alone and nothing is written to
/// the API or etcd; discovery still reads cluster-info and the cluster's configuration for real (read-only).
/// </summary>
public sealed class JoinContextFactory
{
    public const string DryRunDirEnvironmentVariable = "KUBEADM_JOIN_DRYRUN_DIR";

    private readonly InitEnvironment _environment;

    public JoinContextFactory(InitEnvironment environment) => _environment = environment;

    public JoinContext Create(JoinOptions options) => Create(options, plan: null);

    /// <summary>
    /// With <paramref name="plan"/>, the context of `join --plan`: the run takes every phase's dry-run path (no service
    /// actions, no waits, no image pulls, no etcd member added), files go to the plan's overlay, discovery reads
    /// cluster-info for real and the cluster is only read (through the bootstrap token, and on a control plane through
    /// the admin.conf the plan would write).
    /// </summary>
    public JoinContext Create(JoinOptions options, PlanSession? plan)
    {
        ArgumentNullException.ThrowIfNull(options);
        var hostFileSystem = _environment.FileSystemFor(options.Rootfs);
        var hostInfo = _environment.HostInfoFor(hostFileSystem);
        var join = new JoinConfigurationLoader(hostFileSystem, hostInfo, _environment.Random, Warn, _environment.ReadUserFile).Load(options);
        var journal = new InitJournal();
        var fileSystem = hostFileSystem;
        IServiceManager serviceManager;
        string? dryRunDirectory = null;
        var apiTimeout = join.Timeouts.KubernetesApiCall ?? KubeadmConstants.KubernetesApiCallTimeout;
        if (plan is not null)
        {
            join.DryRun = true;
            fileSystem = plan.AttachFileSystem(hostFileSystem, Path.GetDirectoryName(join.CaCertPath) ?? KubeadmConstants.DefaultCertificatesDir);
            serviceManager = new RecordingServiceManager();
        }
        else if (join.DryRun)
        {
            dryRunDirectory = _environment.GetEnvironmentVariable(DryRunDirEnvironmentVariable) is { Length: > 0 } fromEnv
                ? fromEnv
                : $"{KubeadmConstants.TempDir}/kubeadm-join-dryrun{_environment.Random.NextString(9, "0123456789")}";
            hostFileSystem.CreateDirectory(dryRunDirectory, FileModes.PrivateDirectory);
            _environment.Out.WriteLine($"[dryrun] Using dry-run directory {dryRunDirectory}. To override it, set the environment variable {DryRunDirEnvironmentVariable}");
            fileSystem = new DryRunFileSystem(hostFileSystem, _environment.Out, new DryRunMirror(hostFileSystem, dryRunDirectory));
            serviceManager = new RecordingServiceManager(_environment.Out);
        }
        else
        {
            serviceManager = _environment.ServiceManager();
        }

        var discovery = new JoinDiscovery(
            _environment.ClusterInfoSource(), _environment.Clock, _environment.Out, _environment.Err, _environment.ReadUserFile, options.Verbosity);
        var patchesDirectory = options.PatchesDirectory ?? join.Patches?.Directory;
        return new JoinContext
        {
            Join = join,
            Options = options,
            FileSystem = journal.Track(fileSystem),
            ServiceManager = serviceManager,
            Journal = journal,
            Clock = _environment.Clock,
            Random = _environment.Random,
            KeyGenerator = _environment.KeyGenerator,
            StartTime = _environment.Clock.GetUtcNow(),
            Out = _environment.Out,
            Err = _environment.Err,
            Hostname = hostInfo.GetHostname().Trim().ToLowerInvariant(),
            PreflightHost = _environment.PreflightHostFor(hostFileSystem),
            ContainerRuntime = () => _environment.ContainerRuntimeFor(hostFileSystem, join.NodeRegistration.CriSocket),
            GetEnvironmentVariable = _environment.GetEnvironmentVariable,
            DryRunDirectory = dryRunDirectory,
            Plan = plan,
            Patches = string.IsNullOrEmpty(patchesDirectory) ? NoPatches.Instance : new DirectoryPatchApplier(hostFileSystem, patchesDirectory, _environment.Out),
            Discover = async (config, ct) =>
            {
                // A control-plane node that already has admin.conf (a re-run, or a single phase) talks to the cluster with it.
                var fromAdmin = config.ControlPlane is not null && hostFileSystem.FileExists(KubeadmConstants.AdminKubeConfigFile);
                var discovered = fromAdmin
                    ? KubeconfigYamlReader.Read(hostFileSystem.ReadAllText(KubeadmConstants.AdminKubeConfigFile), KubeadmConstants.AdminKubeConfigFile)
                    : await discovery.DiscoverAsync(config, ct).ConfigureAwait(false);
                plan?.UseCluster(new PlanClusterSource(
                    BootstrapClient(discovered, apiTimeout),
                    fromAdmin
                        ? $"read through {KubeadmConstants.AdminKubeConfigFile} (this node's, as the run uses it)"
                        : $"discovered through {DiscoveredFrom(config)} (cluster-info, read only); read with the bootstrap token"
                            + (config.ControlPlane is null ? "" : " and the admin.conf this join makes")));
                return discovered;
            },
            ClientFor = kubeconfig => BootstrapClient(kubeconfig, apiTimeout),
            ClientForFile = path => plan is not null
                ? plan.Objects ?? plan.AttachCluster(
                    _environment.ClusterClientFor?.Invoke(fileSystem, path) ?? ClusterClientFactory.FromKubeconfig(fileSystem, path, apiTimeout, _environment.Clock))
                : join.DryRun
                ? throw new KubeadmUserException($"dry run: {path} is not used to change the cluster")
                : ClusterClientFactory.FromKubeconfig(hostFileSystem, path, apiTimeout, _environment.Clock),
            EtcdMembership = _environment.EtcdMembership ?? (context => new StackedEtcdMembership(context)),
        };
    }

    private Kubeadm.Core.ClusterApi.IClusterApi BootstrapClient(k8s.KubeConfigModels.K8SConfiguration kubeconfig, TimeSpan apiTimeout) =>
        _environment.ClusterClientForKubeconfig?.Invoke(kubeconfig)
        ?? ClusterClientFactory.FromKubeconfig(kubeconfig, "the TLS bootstrap kubeconfig", apiTimeout, _environment.Clock);

    private static string DiscoveredFrom(Kubeadm.Core.Configuration.JoinConfiguration join) =>
        join.Discovery.BootstrapToken?.ApiServerEndpoint is { Length: > 0 } endpoint ? endpoint : join.Discovery.File?.KubeConfigPath ?? "the discovery file";

    private void Warn(string message) => _environment.Err.WriteLine(message.StartsWith('[') ? message : $"WARNING: {message}");
}
