using k8s.Models;
using Kubeadm.App.ClusterApi;
using Kubeadm.App.EtcdApi;
using Kubeadm.App.Init;
using Kubeadm.Core.ClusterApi;
using Kubeadm.Core.Configuration;
using Kubeadm.Core.Configuration.Defaulting;
using Kubeadm.Core.Configuration.Serialization;
using Kubeadm.Core.Configuration.Validation;
using Kubeadm.Core.Constants;
using Kubeadm.Core.ControlPlane;
using Kubeadm.Core.Errors;
using Kubeadm.Core.Host;
using Kubeadm.Core.Patches;
using Kubeadm.Core.Preflight;
using Kubeadm.Core.Upgrade;
using Kubeadm.Core.UploadConfig;

namespace Kubeadm.App.Upgrade;

/// <summary>
/// Settles what `upgrade apply` / `upgrade node` work with, as kubeadm's newApplyData / newNodeData do: the API client
/// (--kubeconfig: admin.conf, or kubelet.conf on a worker), the cluster's ClusterConfiguration (kubeadm-config), its
/// KubeletConfiguration and KubeProxyConfiguration, this node's name and API endpoint, and the target version
/// (apply: the argument; node: the version kubeadm-config holds after `upgrade apply`).
/// </summary>
public sealed class UpgradeContextFactory
{
    /// <summary>How long the first read of kubeadm-config may take.</summary>
    private static readonly TimeSpan ConfigReadBudget = TimeSpan.FromSeconds(30);

    private readonly InitEnvironment _environment;
    private readonly Func<bool> _isPrivilegedUser;

    /// <param name="environment">The host.</param>
    /// <param name="isPrivilegedUser">The root check; defaults to the process's real privileges.</param>
    public UpgradeContextFactory(InitEnvironment environment, Func<bool>? isPrivilegedUser = null)
    {
        _environment = environment;
        _isPrivilegedUser = isPrivilegedUser ?? (() => Environment.IsPrivilegedProcess);
    }

    public async Task<UpgradeContext> CreateAsync(UpgradeOptions options, bool isApply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var upgradeConfig = UpgradeConfigurationFile.Load(_environment.ReadUserFile, options.ConfigPath);
        options = UpgradeOptionsMerge.WithConfiguration(options, upgradeConfig, isApply);
        var output = _environment.Out;
        var target = isApply ? TargetOf(options) : null;
        var hostFileSystem = _environment.FileSystemFor(options.Rootfs);
        var isControlPlane = hostFileSystem.FileExists($"{KubeadmConstants.ManifestsDir}/kube-apiserver.yaml");
        var kubeconfigPath = options.KubeconfigPath is { Length: > 0 } given
            ? CommandLinePath.Absolute(given)
            : isApply || isControlPlane ? KubeadmConstants.AdminKubeConfigFile : KubeadmConstants.KubeletKubeConfigFile;
        if (!hostFileSystem.FileExists(kubeconfigPath))
        {
            throw new KubeadmUserException($"couldn't create a Kubernetes client from file \"{kubeconfigPath}\": the file does not exist");
        }

        var realClient = _environment.ClusterClientFor is { } factory
            ? factory(hostFileSystem, kubeconfigPath)
            : ClusterClientFactory.FromKubeconfig(hostFileSystem, kubeconfigPath, KubeadmConstants.KubernetesApiCallTimeout, _environment.Clock);
        IClusterApi api = options.DryRun ? new ReadThroughDryRunClusterApi(realClient, output) : realClient;

        ClusterConfigurationFetcher.Announce(output, "upgrade");
        var fetcher = new ClusterConfigurationFetcher((_, _) => realClient, _environment.Clock, ConfigReadBudget);
        KubeadmConfig config;
        try
        {
            config = await fetcher.FetchAsync(realClient, cancellationToken).ConfigureAwait(false);
        }
        catch (KubeadmUserException e) when (e.Message.Contains("not found", StringComparison.Ordinal))
        {
            output.WriteLine($"[upgrade/config] In order to upgrade, a ConfigMap called \"{KubeadmConfigMap.Name}\" in the \"{KubeadmConfigMap.Namespace}\" namespace must exist.");
            output.WriteLine("[upgrade/config] Use 'kubeadm init phase upload-config kubeadm --config your-config.yaml' to re-upload it.");
            throw new KubeadmUserException($"[upgrade/init config] FATAL: the ConfigMap \"{KubeadmConfigMap.Name}\" in the \"{KubeadmConfigMap.Namespace}\" namespace was not found", e);
        }

        var clusterVersion = config.Cluster.KubernetesVersion;
        await AddComponentConfigsAsync(realClient, config, cancellationToken).ConfigureAwait(false);
        var hostInfo = _environment.HostInfoFor(hostFileSystem);
        var hostname = hostInfo.GetHostname().Trim().ToLowerInvariant();
        var nodeName = UpgradeNodeFacts.NodeNameFromKubeletConf(hostFileSystem) ?? hostname;
        var registration = config.Init.NodeRegistration;
        registration.Name = nodeName;
        registration.CriSocket = await CriSocketAsync(realClient, hostFileSystem, nodeName, cancellationToken).ConfigureAwait(false);
        var apiServerManifest = ComponentNames.ManifestPath(KubeadmConstants.ManifestsDir, ComponentNames.ApiServer);
        if (hostFileSystem.FileExists(apiServerManifest))
        {
            AdvertisedEndpoint.Adopt(config.Init.LocalApiEndpoint, hostFileSystem.ReadAllText(apiServerManifest));
        }

        config.Init.DryRun = options.DryRun;
        // As kubeadm: the image pull of apply's preflight follows apply.imagePull*, that of node's (control planes only) node.imagePull*.
        config.Init.NodeRegistration.ImagePullPolicy = isApply ? upgradeConfig.Apply.ImagePullPolicy : upgradeConfig.Node.ImagePullPolicy;
        config.Init.NodeRegistration.ImagePullSerial = isApply ? upgradeConfig.Apply.ImagePullSerial : upgradeConfig.Node.ImagePullSerial;
        config.Init.Timeouts.KubernetesApiCall ??= upgradeConfig.Timeouts.KubernetesApiCall;
        config.Init.Timeouts.EtcdApiCall ??= upgradeConfig.Timeouts.EtcdApiCall;
        config.Cluster.KubernetesVersion = target ?? clusterVersion;
        if (options.UpgradeManifestsTimeout is { } timeout)
        {
            config.Init.Timeouts.UpgradeManifests = timeout;
        }

        ConfigDefaults.Apply(config);
        if (options.PrintConfig)
        {
            output.WriteLine("[upgrade/config] Configuration used:");
            output.WriteLine(KubeadmConfigEncoder.EncodeClusterConfiguration(config.Cluster));
        }

        var fileSystem = options.DryRun ? new DryRunFileSystem(hostFileSystem, TextWriter.Null) : hostFileSystem;
        var initOptions = new InitOptions { Rootfs = options.Rootfs, DryRun = options.DryRun, Verbosity = options.Verbosity };
        var patches = string.IsNullOrEmpty(options.PatchesDir) ? NoPatches.Instance : (IPatchApplier)new DirectoryPatchApplier(hostFileSystem, options.PatchesDir, output);
        var node = new InitContext
        {
            Loaded = new LoadedInitConfiguration(config, initOptions),
            FileSystem = fileSystem,
            ServiceManager = options.DryRun ? new RecordingServiceManager(output) : _environment.ServiceManager(),
            Cluster = new AdminClusterAccess(() => api, () => null, output),
            Clock = _environment.Clock,
            Random = _environment.Random,
            KeyGenerator = _environment.KeyGenerator,
            StartTime = _environment.Clock.GetUtcNow(),
            Out = output,
            Err = _environment.Err,
            Patches = patches,
            GetEnvironmentVariable = _environment.GetEnvironmentVariable,
            Hostname = hostname,
            RegisterWithTaints = !isControlPlane,
        };

        var certificatesDir = config.Cluster.CertificatesDir;
        var connectEtcd = _environment.EtcdClientFor ?? EtcdClientRequest.Connect;
        var etcdEndpoint = $"https://{FormatHost(config.Init.LocalApiEndpoint.AdvertiseAddress)}:{KubeadmConstants.EtcdClientPort}";
        return new UpgradeContext
        {
            Node = node,
            Options = options,
            Api = api,
            ClusterVersion = clusterVersion,
            NodeName = nodeName,
            IsApply = isApply,
            ReadLine = _environment.ReadLine,
            IsPrivilegedUser = _isPrivilegedUser,
            IgnorePreflightErrors = new IgnoredPreflightErrors(IgnorePreflightErrorsValidator.Normalize(options.IgnorePreflightErrors, [])),
            ServerVersion = ct => ServerVersionAsync(realClient, ct),
            ContainerRuntime = () => _environment.ContainerRuntimeFor(hostFileSystem, registration.CriSocket),
            EtcdClient = config.Cluster.Etcd.Local is null
                ? null
                : () => connectEtcd(new EtcdClientRequest(
                    hostFileSystem, [etcdEndpoint], certificatesDir, config.Init.Timeouts.EtcdApiCall ?? KubeadmConstants.EtcdApiCallTimeout,
                    line => _environment.Err.WriteLine(line))),
        };
    }

    /// <summary>The version argument, required by `upgrade apply` (kubeadm: "missing one or more required arguments: [version]").</summary>
    private string TargetOf(UpgradeOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.TargetVersion))
        {
            throw new KubeadmUserException("missing one or more required arguments: [version]");
        }

        string resolved;
        try
        {
            resolved = UpgradeTargetVersion.Resolve(options.TargetVersion, out var warning);
            if (warning is not null)
            {
                _environment.Err.WriteLine($"WARNING: {warning}");
            }
        }
        catch (ValidationException e)
        {
            throw new KubeadmUserException($"invalid version argument \"{options.TargetVersion}\": {e.Message}", e);
        }

        return resolved;
    }

    /// <summary>The cluster's KubeletConfiguration (kubelet-config) and KubeProxyConfiguration (kube-proxy), as init would have them.</summary>
    private static async Task AddComponentConfigsAsync(IClusterApi client, KubeadmConfig config, CancellationToken cancellationToken)
    {
        var sources = new[]
        {
            (KubeletConfigMap.Namespace, KubeletConfigMap.Name, KubeletConfigMap.KubeletKey),
            (KubeletConfigMap.Namespace, Kubeadm.Core.Addons.KubeProxyManifests.Name, Kubeadm.Core.Addons.KubeProxyManifests.ConfigKey),
        };
        foreach (var (namespaceName, name, key) in sources)
        {
            V1ConfigMap? configMap;
            try
            {
                configMap = await client.GetAsync<V1ConfigMap>(namespaceName, name, cancellationToken).ConfigureAwait(false);
            }
            catch (ClusterApiException e)
            {
                throw new KubeadmUserException($"unable to fetch the {name} ConfigMap: {e.Message}", e);
            }

            if (configMap?.Data?.TryGetValue(key, out var text) is true && text.Length > 0)
            {
                config.ComponentConfigs.AddRange(KubeadmConfigDecoder.Decode(text, $"{name} ConfigMap").Config.ComponentConfigs);
            }
        }
    }

    /// <summary>The node's CRI socket: the Node's kubeadm annotation (clusters made before NodeLocalCRISocket), else the detected one.</summary>
    private static async Task<string> CriSocketAsync(IClusterApi client, IFileSystem fileSystem, string nodeName, CancellationToken cancellationToken)
    {
        try
        {
            var node = await client.GetAsync<V1Node>("", nodeName, cancellationToken).ConfigureAwait(false);
            if (node?.Metadata?.Annotations?.TryGetValue(CriSocketAnnotation.Key, out var socket) is true && socket.Length > 0)
            {
                return socket;
            }
        }
        catch (ClusterApiException)
        {
            // A worker's kubelet.conf may not read Nodes other than its own; the detected socket serves.
        }

        return Runtime.CriSocketDetector.Detect(fileSystem);
    }

    /// <summary>The API server's version, as kubeadm's version getter reads it from /version.</summary>
    private static Task<string> ServerVersionAsync(IClusterApi client, CancellationToken cancellationToken) =>
        client.GetServerVersionAsync(cancellationToken);

    private static string FormatHost(string address) => address.Contains(':', StringComparison.Ordinal) ? $"[{address}]" : address;
}
