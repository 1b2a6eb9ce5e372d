using System.Net;
using System.Security.Cryptography;
using Kubeadm.App.Init;
using Kubeadm.App.KubeConfig;
using Kubeadm.Core.Host;
using Kubeadm.Core.KubeConfig;
using Kubeadm.Core.Pki;

namespace Kubeadm.App.Tests.KubeConfig;

/// <summary>
/// Runs the kubeconfig phases against a file system with a throw-away ECDSA CA in /etc/kubernetes/pki, on a host named
/// node-a at 10.0.0.7, capturing what they print.
/// </summary>
public sealed class KubeconfigPhaseFixture
{
    public const string PkiDir = "/etc/kubernetes/pki";
    public static readonly DateTimeOffset StartTime = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    public KubeconfigPhaseFixture(IFileSystem? fileSystem = null, IKeyGenerator? keys = null, DateTimeOffset? startTime = null)
    {
        FileSystem = fileSystem ?? new InMemoryFileSystem();
        Keys = keys ?? new FastKeys();
        Start = startTime ?? StartTime;
        Ca = CreateCa(Start);
    }

    /// <summary>The run's start time: certificates are valid from 5 minutes before it.</summary>
    public DateTimeOffset Start { get; }

    public IFileSystem FileSystem { get; }

    public IKeyGenerator Keys { get; }

    public KeyAndCertificate Ca { get; }

    public StringWriter Out { get; } = new();

    public StringWriter Err { get; } = new();

    public byte[] CaPem => PemCodec.EncodeCertificates(Ca.Certificate);

    public KubeconfigPhaseFixture WithCa(bool withKey = true)
    {
        FileSystem.WriteFile(PkiDir + "/ca.crt", CaPem, FileModes.Public);
        if (withKey)
        {
            FileSystem.WriteFile(PkiDir + "/ca.key", PemCodec.EncodePrivateKey(Ca.Key!), FileModes.Private);
        }

        return this;
    }

    public InitContext Context(InitOptions? options = null, IFileSystem? fileSystem = null)
    {
        var loaded = new InitConfigurationLoader(
                FileSystem, new FixedHostInfo("Node-A", IPAddress.Parse("10.0.0.7")), new SeededRandomSource(7), _ => { }, File.ReadAllBytes)
            .Load(options ?? new InitOptions());
        return new InitContext
        {
            Loaded = loaded,
            FileSystem = fileSystem ?? FileSystem,
            ServiceManager = new RecordingServiceManager(TextWriter.Null),
            Clock = TimeProvider.System,
            Random = new SeededRandomSource(7),
            KeyGenerator = Keys,
            StartTime = Start,
            Out = Out,
            Err = Err,
        };
    }

    /// <summary>Runs the named sub-phases (all five by default) in kubeadm's order.</summary>
    public static async Task RunAsync(InitContext context, params string[] phases)
    {
        foreach (var phase in KubeconfigPhases.Create())
        {
            if (phases.Length == 0 || phases.Contains(phase.Name))
            {
                await phase.Run!(context, CancellationToken.None);
            }
        }
    }

    /// <summary>Writes a valid kubeconfig for <paramref name="file"/> as a user of external CA mode would.</summary>
    public void WriteUserKubeconfig(KubeconfigFileSpec file, string server, byte[]? caPem = null)
    {
        var config = KubeconfigBuilder.WithClientCertificate(server, "kubernetes", file.ClientName("node-a"), caPem ?? CaPem, "C"u8, "K"u8);
        FileSystem.WriteAllText("/etc/kubernetes/" + file.FileName, KubeconfigYamlWriter.Write(config), FileModes.Private);
    }

    private static KeyAndCertificate CreateCa(DateTimeOffset start)
    {
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var spec = new CertificateSpec { CommonName = "kubernetes", IsCa = true, NotBefore = start.AddMinutes(-5), NotAfter = start.AddYears(10) };
        return new KeyAndCertificate(CertificateSigner.Issue(spec, key, issuer: null), key);
    }

    /// <summary>ECDSA P-256 whatever is asked for: keeps tests fast.</summary>
    private sealed class FastKeys : IKeyGenerator
    {
        public AsymmetricAlgorithm Generate(KeyAlgorithm algorithm) => ECDsa.Create(ECCurve.NamedCurves.nistP256);
    }
}
