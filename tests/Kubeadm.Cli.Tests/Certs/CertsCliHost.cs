using System.Net;
using System.Text;
using Kubeadm.App.Init;
using Kubeadm.Core.ClusterApi;
using Kubeadm.Core.Host;
using Kubeadm.Core.Pki;

namespace Kubeadm.Cli.Tests.Certs;

/// <summary>
/// Runs the real command tree over one file system (in memory by default) with a manual clock and fast keys, so
/// certificate dates are known. <see cref="CreatePkiAsync"/> builds the PKI and kubeconfigs as `kubeadm init phase` would.
/// </summary>
internal sealed class CertsCliHost
{
    public const string Pki = "/etc/kubernetes/pki";

    public static readonly DateTimeOffset Created = new(2025, 11, 29, 10, 43, 0, TimeSpan.Zero);

    private readonly Dictionary<string, string> _userFiles = new(StringComparer.Ordinal);

    public CertsCliHost(IFileSystem? fileSystem = null, IKeyGenerator? keys = null)
    {
        FileSystem = fileSystem ?? new InMemoryFileSystem();
        Keys = keys ?? new FastEcdsaKeys();
    }

    public IFileSystem FileSystem { get; }

    public IKeyGenerator Keys { get; }

    public ManualClock Clock { get; } = new(Created);

    /// <summary>The cluster the commands reach through admin.conf (no kubeadm-config ConfigMap unless a test seeds one).</summary>
    public InMemoryClusterApi Cluster { get; } = new();

    /// <summary>The kubeconfig paths the commands built an API client from.</summary>
    public List<string> ClientKubeconfigs { get; } = [];

    public CertsCliHost WithUserFile(string path, string content)
    {
        _userFiles[path] = content;
        return this;
    }

    public async Task CreatePkiAsync()
    {
        var certs = await RunAsync("init", "phase", "certs", "all", "--apiserver-advertise-address", "10.0.0.1", "--node-name", "n1");
        Assert.True(certs.ExitCode == 0, certs.Error);
        var kubeconfigs = await RunAsync("init", "phase", "kubeconfig", "all", "--apiserver-advertise-address", "10.0.0.1", "--node-name", "n1");
        Assert.True(kubeconfigs.ExitCode == 0, kubeconfigs.Error);
    }

    public async Task<CliRun> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var environment = new InitEnvironment
        {
            Out = output,
            Err = error,
            FileSystemFor = _ => FileSystem,
            HostInfoFor = _ => new FixedHostInfo("n1", IPAddress.Parse("10.0.0.1")),
            ServiceManager = () => new RecordingServiceManager(),
            Random = new SeededRandomSource(7),
            Clock = Clock,
            KeyGenerator = Keys,
            GetEnvironmentVariable = _ => null,
            ClusterClientFor = (_, path) =>
            {
                ClientKubeconfigs.Add(path);
                return Cluster;
            },
            ReadUserFile = path => _userFiles.TryGetValue(path, out var text)
                ? Encoding.UTF8.GetBytes(text)
                : throw new FileNotFoundException($"open {path}: no such file or directory"),
        };
        var exitCode = await KubeadmCli.RunAsync(args, environment);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    public byte[] Read(string path) => FileSystem.ReadAllBytes(path);

    public System.Security.Cryptography.X509Certificates.X509Certificate2 Certificate(string baseName) =>
        PemCodec.DecodeCertificates(Read($"{Pki}/{baseName}.crt"), baseName)[0];
}
