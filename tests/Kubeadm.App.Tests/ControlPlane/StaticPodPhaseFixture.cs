using System.Text.Json.Nodes;
using Kubeadm.App.ControlPlane;
using Kubeadm.App.Init;
using Kubeadm.Core.Configuration;
using Kubeadm.Core.Configuration.Defaulting;
using Kubeadm.Core.Host;
using Kubeadm.Core.Patches;
using Kubeadm.Core.Pki;
using Kubeadm.Workflow;

namespace Kubeadm.App.Tests.ControlPlane;

/// <summary>Runs the etcd and control-plane phases against an in-memory host and records what they printed and patched.</summary>
public sealed class StaticPodPhaseFixture
{
    public InMemoryFileSystem FileSystem { get; } = new();

    public StringWriter Out { get; } = new();

    public RecordingPatches Patches { get; } = new();

    public Dictionary<string, string> Environment { get; } = new(StringComparer.Ordinal);

    public KubeadmConfig Config { get; } = DefaultConfig();

    public async Task RunEtcdLocalAsync() => await RunAsync(StaticPodPhases.CreateEtcd().Single());

    public async Task RunControlPlaneAsync()
    {
        var context = Context();
        await StaticPodPhases.RunControlPlaneParent(context, CancellationToken.None);
        foreach (var phase in StaticPodPhases.CreateControlPlane())
        {
            await phase.Run!(context, CancellationToken.None);
        }
    }

    public string Manifest(string component) => FileSystem.ReadAllText($"/etc/kubernetes/manifests/{component}.yaml");

    private async Task RunAsync(Phase<InitContext> phase)
    {
        var context = Context();
        if (phase.RunIf?.Invoke(context) ?? true)
        {
            await phase.Run!(context, CancellationToken.None);
        }
    }

    private InitContext Context() => new()
    {
        Loaded = new LoadedInitConfiguration(Config, new InitOptions()),
        FileSystem = FileSystem,
        ServiceManager = new RecordingServiceManager(),
        Clock = TimeProvider.System,
        Random = new SeededRandomSource(1),
        KeyGenerator = new SystemKeyGenerator(),
        StartTime = DateTimeOffset.UnixEpoch,
        Out = Out,
        Patches = Patches,
        GetEnvironmentVariable = Environment.GetValueOrDefault,
    };

    private static KubeadmConfig DefaultConfig()
    {
        var config = ConfigDefaults.CreateDefault();
        config.Cluster.KubernetesVersion = "v1.34.2";
        config.Init.NodeRegistration.Name = "n1";
        config.Init.LocalApiEndpoint.AdvertiseAddress = "10.0.0.1";
        return config;
    }

    /// <summary>Records each target patched and adds a label, so a test can see the patched document was written.</summary>
    public sealed class RecordingPatches : IPatchApplier
    {
        public List<string> Targets { get; } = [];

        public JsonObject Apply(string target, JsonObject document)
        {
            Targets.Add(target);
            document["metadata"]!["labels"]!["patched-by-test"] = "yes";
            return document;
        }
    }
}
