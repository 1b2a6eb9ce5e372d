using Kubeadm.App.Addons;
using Kubeadm.App.ClusterApi;
using Kubeadm.App.Init;
using Kubeadm.App.Tests.Certs;
using Kubeadm.Core.ClusterApi;
using Kubeadm.Core.Configuration;
using Kubeadm.Core.Configuration.Defaulting;
using Kubeadm.Core.Host;
using Kubeadm.Core.Patches;

namespace Kubeadm.App.Tests.Addons;

/// <summary>
/// Runs the addon sub-phases as `kubeadm init phase addon ...` would, each call a new run (new context) against the same
/// in-memory cluster: node "n1" advertising 10.0.0.1, Kubernetes v1.34.2, kubeadm's defaults unless changed.
/// </summary>
internal sealed class AddonPhaseFixture
{
    public AddonPhaseFixture(IClusterApi? api = null)
    {
        Cluster = new InMemoryClusterApi();
        Api = api ?? Cluster;
        Config = NewConfig();
    }

    public InMemoryClusterApi Cluster { get; }

    public IClusterApi Api { get; set; }

    public KubeadmConfig Config { get; set; }

    public IPatchApplier Patches { get; set; } = NoPatches.Instance;

    public Dictionary<string, string> Environment { get; } = new(StringComparer.Ordinal);

    public StringWriter Out { get; private set; } = new();

    public StringWriter Err { get; private set; } = new();

    public static KubeadmConfig NewConfig(Action<KubeadmConfig>? change = null)
    {
        var config = ConfigDefaults.CreateDefault();
        config.Cluster.KubernetesVersion = "v1.34.2";
        config.Init.NodeRegistration.Name = "n1";
        config.Init.LocalApiEndpoint.AdvertiseAddress = "10.0.0.1";
        change?.Invoke(config);
        ConfigDefaults.Apply(config);
        SkippedAddons.Sync(config);
        return config;
    }

    /// <summary>Runs the named sub-phases in order, honouring each one's run-if; "all" runs every sub-phase.</summary>
    public async Task<string> RunAsync(params string[] phases)
    {
        Out = new StringWriter();
        Err = new StringWriter();
        var clock = new FixedClock(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero));
        var context = new InitContext
        {
            Loaded = new LoadedInitConfiguration(Config, new InitOptions()),
            FileSystem = new InMemoryFileSystem(),
            ServiceManager = new RecordingServiceManager(),
            Cluster = new AdminClusterAccess(() => Api, () => Api, TextWriter.Null),
            Clock = clock,
            Random = new SeededRandomSource(1),
            KeyGenerator = new FastKeys(),
            StartTime = clock.GetUtcNow(),
            Out = Out,
            Err = Err,
            Patches = Patches,
            GetEnvironmentVariable = name => Environment.GetValueOrDefault(name),
        };
        var all = AddonPhases.Create();
        foreach (var name in phases is ["all"] ? [.. all.Select(p => p.Name)] : phases)
        {
            var phase = all.Single(p => p.Name == name);
            if (phase.RunIf?.Invoke(context) ?? true)
            {
                await phase.Run!(context, CancellationToken.None);
            }
        }

        return Out.ToString();
    }

    /// <summary>"verb resource namespace/name" for every write, in order (reads and the admin binding left out).</summary>
    public IReadOnlyList<string> Writes() =>
    [
        .. Cluster.Requests
            .Where(r => r.Verb is "create" or "update" && r.Name != AdminClusterAccess.ClusterAdminsGroup)
            .Select(r => $"{r.Verb} {r.Resource} {(r.Namespace.Length == 0 ? r.Name : $"{r.Namespace}/{r.Name}")}"),
    ];
}
