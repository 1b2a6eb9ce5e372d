using Kubeadm.App.ClusterApi;
using Kubeadm.App.Plan;
using Kubeadm.Core.ClusterApi;
using Kubeadm.Core.Constants;
using Kubeadm.Core.Errors;
using Kubeadm.Core.Host;
using Kubeadm.Core.Patches;

namespace Kubeadm.App.Init;

/// <summary>
/// Builds the <see cref="InitContext"/> for a run: loads and validates the configuration, then picks the real or
/// dry-run ports. In --dry-run nothing is written outside the dry-run directory (announced as a warning, as kubeadm
/// does, unless the user chose it with KUBEADM_INIT_DRYRUN_DIR).
/// </summary>
public sealed class InitContextFactory
{
    public const string DryRunDirEnvironmentVariable = "KUBEADM_INIT_DRYRUN_DIR";

    private readonly InitEnvironment _environment;

    public InitContextFactory(InitEnvironment environment) => _environment = environment;

    public InitContext Create(InitOptions options) => Create(options, plan: null);

    /// <summary>
    /// With <paramref name="plan"/>, the context of `init --plan`: the run takes every phase's dry-run path (no service
    /// actions, no waits, no image pulls), files go to the plan's overlay and the cluster is only read.
    /// </summary>
    public InitContext Create(InitOptions options, PlanSession? plan)
    {
        ArgumentNullException.ThrowIfNull(options);
        var hostFileSystem = _environment.FileSystemFor(options.Rootfs);
        var hostInfo = _environment.HostInfoFor(hostFileSystem);
        var loader = new InitConfigurationLoader(hostFileSystem, hostInfo, _environment.Random, Warn, _environment.ReadUserFile);
        var loaded = loader.Load(options);
        var patches = PatchesFor(options, loaded, hostFileSystem);
        _environment.Out.WriteLine($"[init] Using Kubernetes version: {loaded.Config.Cluster.KubernetesVersion}");

        var journal = new InitJournal();
        var dryRun = loaded.Config.Init.DryRun;
        string? dryRunDirectory = null;
        DryRunMirror? dryRunMirror = null;
        var fileSystem = hostFileSystem;
        IServiceManager serviceManager;
        AdminClusterAccess cluster;
        if (plan is not null)
        {
            loaded.Config.Init.DryRun = true;
            fileSystem = plan.AttachFileSystem(hostFileSystem, loaded.Config.Cluster.CertificatesDir);
            serviceManager = new RecordingServiceManager();
            var planned = plan.AttachCluster(loaded.Config);
            cluster = new AdminClusterAccess(() => planned, () => null, TextWriter.Null);
        }
        else if (dryRun)
        {
            dryRunDirectory = CreateDryRunDirectory(hostFileSystem);
            dryRunMirror = DryRunLayout.Mirror(hostFileSystem, dryRunDirectory, loaded.Config, options);
            fileSystem = new DryRunFileSystem(hostFileSystem, _environment.Out, dryRunMirror, DryRunLayout.IsUnprinted(loaded.Config, options));
            serviceManager = new RecordingServiceManager(_environment.Out);
            var dryRunCluster = new DryRunClusterApi(DryRunClusterState.For(loaded.Config), _environment.Out);
            var tracked = journal.Track(dryRunCluster);
            cluster = new AdminClusterAccess(() => tracked, () => dryRunCluster, _environment.Out);
        }
        else
        {
            serviceManager = _environment.ServiceManager();
            cluster = RealClusterAccess(options, loaded, hostFileSystem, journal);
        }

        return new InitContext
        {
            Loaded = loaded,
            FileSystem = journal.Track(fileSystem),
            ServiceManager = serviceManager,
            Journal = journal,
            Cluster = cluster,
            Clock = _environment.Clock,
            Random = _environment.Random,
            KeyGenerator = _environment.KeyGenerator,
            StartTime = _environment.Clock.GetUtcNow(),
            Out = _environment.Out,
            Err = _environment.Err,
            GetEnvironmentVariable = _environment.GetEnvironmentVariable,
            DryRunDirectory = dryRunDirectory,
            DryRunMirror = dryRunMirror,
            IsPlan = plan is not null,
            FileReused = plan is null ? _ => { } : plan.FileReused,
            Patches = patches,
            Hostname = hostInfo.GetHostname(),
            PreflightHost = _environment.PreflightHostFor(hostFileSystem),
            ContainerRuntime = () => _environment.ContainerRuntimeFor(hostFileSystem, loaded.Config.Init.NodeRegistration.CriSocket),
        };
    }

    /// <summary>admin.conf (or --kubeconfig), with super-admin.conf beside it for the first RBAC binding.</summary>
    private AdminClusterAccess RealClusterAccess(InitOptions options, LoadedInitConfiguration loaded, IFileSystem fileSystem, InitJournal journal)
    {
        var timeout = loaded.Config.Init.Timeouts.KubernetesApiCall ?? KubeadmConstants.KubernetesApiCallTimeout;
        var adminPath = options.KubeconfigPath is { Length: > 0 } given ? CommandLinePath.Absolute(given) : KubeadmConstants.AdminKubeConfigFile;
        var superAdminPath = Path.Combine(Path.GetDirectoryName(adminPath) ?? KubeadmConstants.KubernetesDir, "super-admin.conf");
        return new AdminClusterAccess(
            () => journal.Track(ClusterClientFactory.FromKubeconfig(fileSystem, adminPath, timeout, _environment.Clock)),
            () => fileSystem.FileExists(superAdminPath)
                ? ClusterClientFactory.FromKubeconfig(fileSystem, superAdminPath, timeout, _environment.Clock)
                : null,
            _environment.Out);
    }

    /// <summary>--patches, else patches.directory from the config; a directory on the host (read inside --rootfs).</summary>
    private IPatchApplier PatchesFor(InitOptions options, LoadedInitConfiguration loaded, IFileSystem hostFileSystem)
    {
        var directory = options.PatchesDirectory ?? loaded.Config.Init.Patches?.Directory;
        return string.IsNullOrEmpty(directory) ? NoPatches.Instance : new DirectoryPatchApplier(hostFileSystem, directory, _environment.Out);
    }

    private string CreateDryRunDirectory(IFileSystem fileSystem)
    {
        var directory = _environment.GetEnvironmentVariable(DryRunDirEnvironmentVariable);
        if (string.IsNullOrEmpty(directory))
        {
            directory = $"{KubeadmConstants.TempDir}/kubeadm-init-dryrun{_environment.Random.NextString(9, "0123456789")}";
            Warn($"Using dry-run directory {directory}. To override it, set the environment variable {DryRunDirEnvironmentVariable}");
        }
        else if (!directory.StartsWith('/'))
        {
            throw new KubeadmUserException(
                $"invalid {DryRunDirEnvironmentVariable} \"{directory}\": the dry-run directory must be an absolute path");
        }

        try
        {
            fileSystem.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new KubeadmUserException(
                $"could not create the dry-run directory \"{directory}\": {e.Message}; run as root or set {DryRunDirEnvironmentVariable} to a writable directory",
                e);
        }

        return directory;
    }

    private void Warn(string message) => _environment.Err.WriteLine(message.StartsWith('[') ? message : $"WARNING: {message}");
}
