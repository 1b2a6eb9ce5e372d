using System.Net;
using System.Security.Cryptography;
using System.Text;
using k8s.Models;
using Kubeadm.App.Addons;
using Kubeadm.App.ClusterApi;
using Kubeadm.App.ClusterPhases;
using Kubeadm.App.ControlPlane;
using Kubeadm.App.Init;
using Kubeadm.App.Tests.Certs;
using Kubeadm.App.Tests.KubeConfig;
using Kubeadm.App.Upgrade;
using Kubeadm.Core.ClusterApi;
using Kubeadm.Core.Configuration;
using Kubeadm.Core.ControlPlane;
using Kubeadm.Core.EtcdApi;
using Kubeadm.Core.Host;
using Kubeadm.Core.Runtime;
using Kubeadm.Core.Upgrade.Apply;
using Kubeadm.Workflow;

namespace Kubeadm.App.Tests.Upgrade;

/// <summary>
/// A control-plane node "n1" (10.0.0.1) made by our own init code at <see cref="FromVersion"/> on an in-memory file
/// system, with its PKI, kubeconfigs, static Pod manifests, etcd data and the cluster's ConfigMaps, CoreDNS and kube-proxy
/// in an in-memory API; a kubelet stand-in that follows the manifests (publishing each mirror Pod with the manifest's
/// hash and Running), and a Job controller stand-in that completes kubeadm's health-check Job.
/// </summary>
internal sealed class UpgradeHarness : IAsyncDisposable
{
    public const string FromVersion = "v1.33.5";
    public const string ToVersion = "v1.34.2";
    public const string NodeName = "n1";

    private readonly CancellationTokenSource _stop = new();
    private readonly Task _kubelet;

    public UpgradeHarness()
    {
        Cluster.ServerVersion = FromVersion;
        _kubelet = Task.Run(() => KubeletLoopAsync(_stop.Token));
    }

    public InMemoryFileSystem FileSystem { get; } = new();

    public InMemoryClusterApi Cluster { get; } = new();

    public InMemoryEtcdApi Etcd { get; } = new InMemoryEtcdApi().WithMember("n1", "https://10.0.0.1:2380", "https://10.0.0.1:2379");

    public StringWriter Out { get; private set; } = new();

    public StringWriter Err { get; private set; } = new();

    /// <summary>Components whose new manifest the kubelet stand-in ignores (the mirror Pod keeps its old hash).</summary>
    public HashSet<string> NeverRestarted { get; } = new(StringComparer.Ordinal);

    /// <summary>Components the kubelet restarts but whose Pods never run (Pending).</summary>
    public HashSet<string> NeverRunning { get; } = new(StringComparer.Ordinal);

    /// <summary>Answers the user types at the confirmation prompt.</summary>
    public Queue<string> Answers { get; } = new();

    /// <summary>Changes to the configuration `kubeadm init` made the node and cluster with (e.g. a controlPlaneEndpoint, gates).</summary>
    public Action<KubeadmConfig>? Customize { get; init; }

    /// <summary>The node's container runtime (the ImagePull check pulls into it).</summary>
    public InMemoryContainerRuntime Runtime { get; } = new();

    /// <summary>Files given with --config, by path.</summary>
    public Dictionary<string, string> UserFiles { get; } = new(StringComparer.Ordinal);

    public static UpgradeOptions Options(Func<UpgradeOptions, UpgradeOptions>? change = null)
    {
        var options = new UpgradeOptions
        {
            TargetVersion = ToVersion,
            Yes = true,
            UpgradeManifestsTimeout = TimeSpan.FromSeconds(3),
            PollInterval = TimeSpan.FromMilliseconds(20),
            EtcdRetries = 2,
            EtcdRetryInterval = TimeSpan.FromMilliseconds(10),
        };
        return change is null ? options : change(options);
    }

    /// <summary>Builds the node and cluster as `kubeadm init` at <see cref="FromVersion"/> leaves them.</summary>
    public async Task<UpgradeHarness> InitAsync()
    {
        var certs = new CertsFixture(FileSystem) { Config = CertsFixture.NewConfig(Configure) };
        await certs.RunAsync("all");
        var init = NodeContext(FromVersion);
        await KubeconfigPhaseFixture.RunAsync(init);
        foreach (var component in new[] { ComponentNames.Etcd, ComponentNames.ApiServer, ComponentNames.ControllerManager, ComponentNames.Scheduler })
        {
            StaticPodWriter.Write(init, component, StaticPodPhases.BuildPod(init, component));
        }

        FileSystem.WriteAllText("/var/lib/etcd/member/snap/db", "etcd data at " + FromVersion, FileModes.Private);
        FileSystem.WriteAllText("/var/lib/kubelet/config.yaml", "kind: KubeletConfiguration\n", FileModes.Public);
        await UploadConfigPhase.RunKubeadmAsync(init, CancellationToken.None);
        await UploadConfigPhase.RunKubeletAsync(init, CancellationToken.None);
        await CoreDnsAddonInstaller.RunAsync(init, CancellationToken.None);
        await KubeProxyAddonInstaller.RunAsync(init, CancellationToken.None);
        Cluster.Seed(new V1Node
        {
            Metadata = new V1ObjectMeta
            {
                Name = NodeName,
                Labels = new Dictionary<string, string> { ["node-role.kubernetes.io/control-plane"] = "" },
            },
            Status = new V1NodeStatus
            {
                Conditions = [new V1NodeCondition { Type = "Ready", Status = "True" }],
                NodeInfo = new V1NodeSystemInfo { KubeletVersion = FromVersion },
            },
        });
        await SyncMirrorPodsAsync(CancellationToken.None);
        return this;
    }

    public string Manifest(string component) => FileSystem.ReadAllText(StaticPodUpgrader.ManifestPath(component));

    public string ImageOf(string component) => StaticPodManifestFacts.ImageVersion(Manifest(component));

    /// <summary>Runs `upgrade apply` (or `upgrade node`) as the CLI does: context from the factory, then the phases.</summary>
    public Task<(UpgradeContext Context, WorkflowResult? Result, Exception? Error)> RunAsync(UpgradeOptions options, bool isApply = true) =>
        RunAsync(options, CancellationToken.None, isApply);

    public async Task<(UpgradeContext Context, WorkflowResult? Result, Exception? Error)> RunAsync(UpgradeOptions options, CancellationToken cancellationToken, bool isApply = true)
    {
        Out = new StringWriter();
        Err = new StringWriter();
        var context = await new UpgradeContextFactory(Environment(), () => true).CreateAsync(options, isApply, CancellationToken.None);
        var runner = new PhaseRunner<UpgradeContext>(isApply ? UpgradePhaseTree.CreateApply() : UpgradePhaseTree.CreateNode(), () => context);
        try
        {
            var result = await runner.RunAsync(runner.Select([], context.Options.SkipPhases ?? []), cancellationToken);
            return (context, result, null);
        }
        catch (PhaseExecutionException e)
        {
            return (context, e.Result, e.InnerException ?? e);
        }
        catch (OperationCanceledException e)
        {
            return (context, null, e);
        }
    }

    public InitEnvironment Environment() => new()
    {
        Out = Out,
        Err = Err,
        FileSystemFor = _ => FileSystem,
        HostInfoFor = _ => new FixedHostInfo(NodeName, IPAddress.Parse("10.0.0.1")),
        ServiceManager = () => new RecordingServiceManager(TextWriter.Null),
        KeyGenerator = new FastKeys(),
        ReadLine = () => Answers.Count > 0 ? Answers.Dequeue() : null,
        ClusterClientFor = (_, _) => Cluster,
        ContainerRuntimeFor = (_, _) => Runtime,
        ReadUserFile = path => UserFiles.TryGetValue(path, out var text)
            ? Encoding.UTF8.GetBytes(text)
            : throw new FileNotFoundException($"open {path}: no such file or directory"),
        EtcdClientFor = request => new EtcdCluster(
            Etcd, new EtcdClientSettings(request.Endpoints, EtcdTlsFiles.ForCertificatesDir(request.CertificatesDir)) { Timeout = TimeSpan.Zero },
            TimeProvider.System, request.Progress),
    };

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _kubelet;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private void Configure(KubeadmConfig config)
    {
        config.Cluster.KubernetesVersion = FromVersion;
        config.Init.NodeRegistration.Name = NodeName;
        config.Init.LocalApiEndpoint.AdvertiseAddress = "10.0.0.1";
        Customize?.Invoke(config);
    }

    private InitContext NodeContext(string version)
    {
        var config = CertsFixture.NewConfig(c =>
        {
            Configure(c);
            c.Cluster.KubernetesVersion = version;
        });
        SkippedAddons.Sync(config);
        return new InitContext
        {
            Loaded = new LoadedInitConfiguration(config, new InitOptions()),
            FileSystem = FileSystem,
            ServiceManager = new RecordingServiceManager(TextWriter.Null),
            Cluster = new AdminClusterAccess(() => Cluster, () => Cluster, TextWriter.Null),
            Clock = TimeProvider.System,
            Random = new SeededRandomSource(1),
            KeyGenerator = new FastKeys(),
            StartTime = CertsFixture.Start,
            Out = TextWriter.Null,
            Err = TextWriter.Null,
            Hostname = NodeName,
        };
    }

    private async Task KubeletLoopAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            await SyncMirrorPodsAsync(cancellationToken);
            await HealthCheckJobStandIn.CompleteAsync(Cluster, cancellationToken);
            await Task.Delay(10, cancellationToken);
        }
    }

    private async Task SyncMirrorPodsAsync(CancellationToken cancellationToken)
    {
        foreach (var component in new[] { ComponentNames.Etcd, ComponentNames.ApiServer, ComponentNames.ControllerManager, ComponentNames.Scheduler })
        {
            var path = StaticPodUpgrader.ManifestPath(component);
            if (!FileSystem.FileExists(path))
            {
                continue;
            }

            var manifest = FileSystem.ReadAllText(path);
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(manifest)))[..32];
            var name = UpgradeComponents.MirrorPodName(component, NodeName);
            var existing = await Cluster.GetAsync<V1Pod>("kube-system", name, cancellationToken);
            var hadPod = existing is not null;
            if (hadPod && NeverRestarted.Contains(component))
            {
                continue;
            }

            var phase = hadPod && NeverRunning.Contains(component) ? "Pending" : "Running";
            if (existing?.Metadata.Annotations?[StaticPodWaiter.ConfigHashAnnotation] == hash && existing.Status?.Phase == phase)
            {
                continue;
            }

            Cluster.Seed(new V1Pod
            {
                Metadata = new V1ObjectMeta
                {
                    Name = name,
                    NamespaceProperty = "kube-system",
                    Labels = new Dictionary<string, string> { ["component"] = component, ["tier"] = "control-plane" },
                    Annotations = new Dictionary<string, string> { [StaticPodWaiter.ConfigHashAnnotation] = hash },
                },
                Spec = new V1PodSpec
                {
                    NodeName = NodeName,
                    Containers = [new V1Container { Name = component, Image = StaticPodManifestFacts.FirstContainerImage(manifest) }],
                },
                Status = new V1PodStatus { Phase = phase },
            });
        }
    }
}
