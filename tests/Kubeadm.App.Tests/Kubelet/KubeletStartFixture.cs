using Kubeadm.App.Init;
using Kubeadm.App.Kubelet;
using Kubeadm.Core.Configuration;
using Kubeadm.Core.Configuration.Defaulting;
using Kubeadm.Core.Constants;
using Kubeadm.Core.Host;
using Kubeadm.Core.Patches;
using Kubeadm.Core.Pki;

namespace Kubeadm.App.Tests.Kubelet;

/// <summary>Runs kubelet-start against an in-memory host named "node-a" with a recording init system.</summary>
internal sealed class KubeletStartFixture
{
    public const string DryRunDirectory = "/etc/kubernetes/tmp/kubeadm-init-dryrun1";

    public InMemoryFileSystem FileSystem { get; } = new();

    public IServiceManager ServiceManager { get; set; } = new RecordingServiceManager();

    public KubeadmConfig Config { get; } = Defaulted();

    public Func<TextWriter, IFileSystem, IPatchApplier> Patches { get; set; } = (_, _) => NoPatches.Instance;

    public string Out { get; private set; } = "";

    public string Err { get; private set; } = "";

    public async Task RunAsync()
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        IFileSystem fileSystem = Config.Init.DryRun
            ? new DryRunFileSystem(FileSystem, output, new DryRunMirror(FileSystem, DryRunDirectory))
            : FileSystem;
        var context = new InitContext
        {
            Loaded = new LoadedInitConfiguration(Config, new InitOptions()),
            FileSystem = fileSystem,
            ServiceManager = ServiceManager,
            Clock = TimeProvider.System,
            Random = new SeededRandomSource(1),
            KeyGenerator = new SystemKeyGenerator(),
            StartTime = DateTimeOffset.UnixEpoch,
            Out = output,
            Err = errors,
            Patches = Patches(output, FileSystem),
            Hostname = "node-a",
        };
        await KubeletStartPhase.Create().Run!(context, CancellationToken.None);
        Out = output.ToString();
        Err = errors.ToString();
    }

    private static KubeadmConfig Defaulted()
    {
        var config = ConfigDefaults.CreateDefault();
        config.Cluster.KubernetesVersion = "v1.34.2";
        config.Init.NodeRegistration.Name = "node-a";
        config.Init.NodeRegistration.CriSocket = KubeadmConstants.DefaultCriSocket;
        ConfigDefaults.Apply(config);
        return config;
    }
}
