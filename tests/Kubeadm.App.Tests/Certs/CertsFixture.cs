using Kubeadm.App.Certs;
using Kubeadm.App.Init;
using Kubeadm.Core.Configuration;
using Kubeadm.Core.Configuration.Defaulting;
using Kubeadm.Core.Host;
using Kubeadm.Core.Pki;

namespace Kubeadm.App.Tests.Certs;

/// <summary>
/// Runs the certs phases as `kubeadm init phase certs ...` would, each call a new run (new context) over the same
/// file system: node "n1" advertising 10.0.0.1 with kubeadm's defaults unless changed.
/// </summary>
internal sealed class CertsFixture
{
    public const string Pki = "/etc/kubernetes/pki";

    public static readonly DateTimeOffset Start = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public CertsFixture(IFileSystem? fileSystem = null, IKeyGenerator? keys = null)
    {
        FileSystem = fileSystem ?? new InMemoryFileSystem();
        Keys = keys ?? new FastKeys();
        Config = NewConfig();
    }

    public IFileSystem FileSystem { get; }

    public IKeyGenerator Keys { get; }

    public KubeadmConfig Config { get; set; }

    public FixedClock Clock { get; } = new(Start);

    public StringWriter Out { get; private set; } = new();

    public StringWriter Err { get; private set; } = new();

    public static KubeadmConfig NewConfig(Action<KubeadmConfig>? change = null)
    {
        var config = ConfigDefaults.CreateDefault();
        config.Init.NodeRegistration.Name = "n1";
        config.Init.LocalApiEndpoint.AdvertiseAddress = "10.0.0.1";
        change?.Invoke(config);
        ConfigDefaults.Apply(config);
        return config;
    }

    /// <summary>Runs the named sub-phases in a new run; "all" runs the parent and every sub-phase, like `certs all`.</summary>
    public async Task<string> RunAsync(params string[] phases)
    {
        var context = NewContext();
        var all = CertsPhases.Create();
        if (phases is ["all"])
        {
            await CertsPhases.RunParent(context, CancellationToken.None);
            phases = [.. all.Select(p => p.Name)];
        }

        foreach (var name in phases)
        {
            await all.Single(p => p.Name == name).Run!(context, CancellationToken.None);
        }

        return Out.ToString();
    }

    public static string PathOf(string fileName) => $"{Pki}/{fileName}";

    public byte[] Read(string fileName) => FileSystem.ReadAllBytes(PathOf(fileName));

    public void Write(string fileName, byte[] content) => FileSystem.WriteFile(PathOf(fileName), content, FileModes.Private);

    /// <summary>Every file under the PKI directory with its bytes, for before/after comparisons.</summary>
    public SortedDictionary<string, byte[]> Snapshot()
    {
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        void Walk(string directory)
        {
            foreach (var entry in FileSystem.ListDirectory(directory))
            {
                if (FileSystem.DirectoryExists(entry))
                {
                    Walk(entry);
                }
                else
                {
                    files[entry] = FileSystem.ReadAllBytes(entry);
                }
            }
        }

        if (FileSystem.DirectoryExists(Pki))
        {
            Walk(Pki);
        }

        return files;
    }

    public static IReadOnlyList<string> CertificateFiles(bool externalEtcd = false) =>
    [
        .. CertificateCatalogue.For(externalEtcd).SelectMany(c => new[] { $"{Pki}/{c.BaseName}.crt", $"{Pki}/{c.BaseName}.key" }),
        $"{Pki}/sa.key",
        $"{Pki}/sa.pub",
    ];

    /// <summary>A new run's context over this fixture's file system, configuration and clock (fresh Out and Err).</summary>
    public InitContext NewContext()
    {
        Out = new StringWriter();
        Err = new StringWriter();
        return new InitContext
        {
            Loaded = new LoadedInitConfiguration(Config, new InitOptions()),
            FileSystem = FileSystem,
            ServiceManager = new RecordingServiceManager(),
            Clock = Clock,
            Random = new SeededRandomSource(1),
            KeyGenerator = Keys,
            StartTime = Clock.GetUtcNow(),
            Out = Out,
            Err = Err,
        };
    }
}
