using k8s.Models;
using Kubeadm.App.ClusterApi;
using Kubeadm.App.Init;
using Kubeadm.App.Tests.Certs;
using Kubeadm.Core.ClusterApi;
using Kubeadm.Core.Configuration;
using Kubeadm.Core.Host;

namespace Kubeadm.App.Tests.ClusterPhases;

/// <summary>
/// Runs cluster phases against an in-memory API server holding node "n1" (registered, hostname label set), over an
/// in-memory file system, with a clock that never really waits. Each run is a new context, like a new command.
/// </summary>
internal sealed class ClusterPhasesFixture
{
    public const string DryRunDirectory = "/etc/kubernetes/tmp/kubeadm-init-dryrun123";

    public ClusterPhasesFixture()
    {
        Api.Seed(new V1Node
        {
            Metadata = new V1ObjectMeta { Name = "n1", Labels = new Dictionary<string, string> { ["kubernetes.io/hostname"] = "n1" } },
        });
    }

    public InMemoryClusterApi Api { get; } = new();

    public InMemoryFileSystem FileSystem { get; } = new();

    public AutoAdvancingClock Clock { get; } = new(CertsFixture.Start);

    public KubeadmConfig Config { get; set; } = CertsFixture.NewConfig();

    public InitOptions Options { get; set; } = new();

    public SeededRandomSource Random { get; } = new(42);

    public StringWriter Out { get; private set; } = new();

    /// <summary>The in-memory state behind the dry-run printer of the last dry run.</summary>
    public InMemoryClusterApi? DryRunState { get; private set; }

    public InitContext? LastContext { get; private set; }

    public InitContext NewContext()
    {
        Out = new StringWriter();
        AdminClusterAccess cluster;
        if (Config.Init.DryRun)
        {
            DryRunState = DryRunClusterState.For(Config);
            var printer = new DryRunClusterApi(DryRunState, Out);
            cluster = new AdminClusterAccess(() => printer, () => printer, TextWriter.Null);
        }
        else
        {
            cluster = new AdminClusterAccess(() => Api, () => Api, TextWriter.Null);
        }

        LastContext = new InitContext
        {
            Loaded = new LoadedInitConfiguration(Config, Options),
            FileSystem = FileSystem,
            ServiceManager = new RecordingServiceManager(),
            Cluster = cluster,
            Clock = Clock,
            Random = Random,
            KeyGenerator = new FastKeys(),
            StartTime = Clock.GetUtcNow(),
            Out = Out,
            DryRunDirectory = Config.Init.DryRun ? DryRunDirectory : null,
        };
        return LastContext;
    }

    /// <summary>Runs one phase in a new context; returns what it printed.</summary>
    public async Task<string> RunAsync(Func<InitContext, CancellationToken, Task> phase)
    {
        var context = NewContext();
        await phase(context, CancellationToken.None);
        return Out.ToString();
    }

    /// <summary>The requests after the kubeadm:cluster-admins binding check, as "verb resource namespace/name".</summary>
    public IReadOnlyList<string> Writes() =>
        [.. Api.Requests
            .Where(r => r.Verb is "create" or "update" or "patch" && r.Resource != "clusterrolebindings")
            .Select(r => $"{r.Verb} {r.Resource} {r.Namespace}/{r.Name}")];
}
