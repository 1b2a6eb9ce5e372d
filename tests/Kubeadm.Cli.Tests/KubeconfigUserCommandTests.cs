using System.Security.Cryptography.X509Certificates;
using Kubeadm.Cli.Tests.Certs;
using Kubeadm.Core.KubeConfig;
using Kubeadm.Core.Pki;

namespace Kubeadm.Cli.Tests;

public sealed class KubeconfigUserCommandTests
{
    private const string Config = """
        apiVersion: kubeadm.k8s.io/v1beta4
        kind: ClusterConfiguration
        kubernetesVersion: v1.34.2
        clusterName: prod
        controlPlaneEndpoint: cp.example:6443
        """;

    [Fact]
    public async Task Should_PrintAKubeconfigWithANewClientCertificate_When_NoTokenIsGiven()
    {
        var host = await HostWithPki();

        var run = await host.RunAsync("kubeconfig", "user", "--client-name", "alice", "--org", "dev", "--org", "ops,qa", "--config", "/cfg.yaml");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.EndsWith("\n\n", run.Output);
        var kubeconfig = KubeconfigYamlReader.Read(run.Output, "stdout");
        Assert.Equal("alice@prod", kubeconfig.CurrentContext);
        var cluster = Assert.Single(kubeconfig.Clusters);
        Assert.Equal(("prod", "https://cp.example:6443"), (cluster.Name, cluster.ClusterEndpoint.Server));
        var user = Assert.Single(kubeconfig.Users);
        Assert.Equal("alice", user.Name);
        Assert.DoesNotContain("token:", run.Output);
        using var certificate = X509Certificate2.CreateFromPem(KubeconfigBuilder.DecodeData(user.UserCredentials.ClientCertificateData));
        Assert.Equal("CN=alice, O=qa, O=ops, O=dev", certificate.Subject); // .NET lists the RDNs last first
        Assert.Equal(CertsCliHost.Created.AddHours(8760).UtcDateTime, certificate.NotAfter.ToUniversalTime());
        Assert.Equal(host.Certificate("ca").Subject, certificate.Issuer);
        Assert.Empty(run.Error);
        Assert.False(host.FileSystem.FileExists("/etc/kubernetes/alice.conf"));
    }

    [Fact]
    public async Task Should_PrintAKubeconfigWithTheToken_When_TokenIsGiven()
    {
        var host = await HostWithPki();

        var run = await host.RunAsync("kubeconfig", "user", "--client-name", "bot", "--token", "abcdef.0123456789abcdef", "--config", "/cfg.yaml");

        Assert.True(run.ExitCode == 0, run.Error);
        var user = Assert.Single(KubeconfigYamlReader.Read(run.Output, "stdout").Users);
        Assert.Equal(("bot", "abcdef.0123456789abcdef"), (user.Name, user.UserCredentials.Token));
        Assert.DoesNotContain("client-certificate-data", run.Output);
        Assert.DoesNotContain("client-key-data", run.Output);
    }

    [Fact]
    public async Task Should_UseTheValidityPeriodAndWarn_When_ItIsLongerThanAYear()
    {
        var host = await HostWithPki();

        var shorter = await host.RunAsync("kubeconfig", "user", "--client-name", "alice", "--validity-period", "24h", "--config", "/cfg.yaml");
        var longer = await host.RunAsync("kubeconfig", "user", "--client-name", "alice", "--validity-period", "9000h", "--config", "/cfg.yaml");

        Assert.True(shorter.ExitCode == 0, shorter.Error);
        Assert.Equal(CertsCliHost.Created.AddHours(24).UtcDateTime, ClientCertificate(shorter.Output).NotAfter.ToUniversalTime());
        Assert.Empty(shorter.Error);
        Assert.True(longer.ExitCode == 0, longer.Error);
        Assert.Equal(
            "WARNING: the specified certificate validity period 9000h0m0s is longer than the default duration 8760h0m0s, this may increase security risks.\n",
            longer.Error);
    }

    [Theory]
    [InlineData(new[] { "--org", "dev" }, "required flag(s) \"client-name\" not set")]
    [InlineData(new[] { "--client-name", "a", "--validity-period", "1y" }, "invalid argument \"1y\" for \"--validity-period\" flag: time: unknown unit \"y\" in duration \"1y\"")]
    public async Task Should_FailNamingTheFlag_When_AFlagIsMissingOrBad(string[] flags, string message)
    {
        var run = await new CertsCliHost().RunAsync(["kubeconfig", "user", .. flags]);

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith(message, run.Error);
        Assert.Empty(run.Output);
    }

    [Fact]
    public async Task Should_SayTheCaIsMissing_When_ThereIsNoPki()
    {
        var run = await new CertsCliHost().WithUserFile("/cfg.yaml", Config).RunAsync("kubeconfig", "user", "--client-name", "a", "--config", "/cfg.yaml");

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("couldn't create a kubeconfig; the CA files couldn't be loaded: ", run.Error);
        Assert.Empty(run.Output);
    }

    private static async Task<CertsCliHost> HostWithPki()
    {
        var host = new CertsCliHost().WithUserFile("/cfg.yaml", Config);
        await host.CreatePkiAsync();
        return host;
    }

    private static X509Certificate2 ClientCertificate(string kubeconfigYaml) =>
        PemCodec.DecodeCertificates(
            System.Text.Encoding.UTF8.GetBytes(KubeconfigBuilder.DecodeData(KubeconfigYamlReader.Read(kubeconfigYaml, "stdout").Users.Single().UserCredentials.ClientCertificateData)),
            "client")[0];
}
