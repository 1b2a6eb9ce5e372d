using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using k8s.Models;
using Kubeadm.App.ClusterApi;
using Kubeadm.App.Init;
using Kubeadm.App.Tests.Certs;
using Kubeadm.Core.ClusterApi;
using Kubeadm.Core.Configuration;
using Kubeadm.Core.Host;
using Kubeadm.Core.KubeConfig;
using Kubeadm.Core.Pki;

namespace Kubeadm.App.Tests.NodeSetup;

/// <summary>
/// A run of the node phases against an in-memory cluster and file system: node "n1", a throw-away CA in admin.conf
/// (server https://10.0.0.1:6443), kubeadm's defaults unless a test changes <see cref="Config"/> or <see cref="Options"/>.
/// </summary>
internal sealed class NodeSetupFixture
{
    public static readonly DateTimeOffset Start = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public NodeSetupFixture() => Config = CertsFixture.NewConfig(c => c.Init.BootstrapTokens = [new BootstrapToken { Token = "abcdef.0123456789abcdef" }]);

    public InMemoryFileSystem FileSystem { get; } = new();

    public InMemoryClusterApi Api { get; } = new();

    public RecordingServiceManager Services { get; } = new();

    public KubeadmConfig Config { get; set; }

    public InitOptions Options { get; set; } = new();

    public FixedClock Clock { get; } = new(Start);

    public StringWriter Out { get; private set; } = new();

    public StringWriter Err { get; private set; } = new();

    public X509Certificate2 Ca { get; } = CreateCa();

    public NodeSetupFixture WithAdminConf(string server = "https://10.0.0.1:6443", string path = "/etc/kubernetes/admin.conf")
    {
        var kubeconfig = KubeconfigBuilder.WithClientCertificate(server, "kubernetes", "kubernetes-admin", PemCodec.EncodeCertificates(Ca), "CERT"u8, "KEY"u8);
        FileSystem.WriteFile(path, System.Text.Encoding.UTF8.GetBytes(KubeconfigYamlWriter.Write(kubeconfig)), FileModes.Private);
        return this;
    }

    public NodeSetupFixture WithNode(string name = "n1", IDictionary<string, string>? labels = null, params V1Taint[] taints)
    {
        Api.Seed(new V1Node
        {
            Metadata = new V1ObjectMeta { Name = name, Labels = labels ?? new Dictionary<string, string> { ["kubernetes.io/hostname"] = name } },
            Spec = new V1NodeSpec { Taints = taints.Length == 0 ? null : [.. taints] },
        });
        return this;
    }

    public InitContext Context(IClusterApi? api = null)
    {
        Out = new StringWriter();
        Err = new StringWriter();
        var cluster = api ?? Api;
        return new InitContext
        {
            Loaded = new LoadedInitConfiguration(Config, Options),
            FileSystem = FileSystem,
            ServiceManager = Services,
            Cluster = new AdminClusterAccess(() => cluster, () => cluster, TextWriter.Null),
            Clock = Clock,
            Random = new SeededRandomSource(1),
            KeyGenerator = new FastKeys(),
            StartTime = Start,
            Out = Out,
            Err = Err,
        };
    }

    private static X509Certificate2 CreateCa()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=kubernetes", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        return request.CreateSelfSigned(Start.AddMinutes(-5), Start.AddYears(10));
    }
}
