using System.Text;
using Kubeadm.Core.Errors;
using Kubeadm.Core.Host;
using Kubeadm.Core.Pki;

namespace Kubeadm.App.Tests.Certs;

public sealed class CertsPhaseTests
{
    private const string FirstRunOutput = """
        [certs] Using certificateDir folder "/etc/kubernetes/pki"
        [certs] Generating "ca" certificate and key
        [certs] Generating "apiserver" certificate and key
        [certs] apiserver serving cert is signed for DNS names [kubernetes kubernetes.default kubernetes.default.svc kubernetes.default.svc.cluster.local n1] and IPs [10.96.0.1 10.0.0.1]
        [certs] Generating "apiserver-kubelet-client" certificate and key
        [certs] Generating "front-proxy-ca" certificate and key
        [certs] Generating "front-proxy-client" certificate and key
        [certs] Generating "etcd/ca" certificate and key
        [certs] Generating "etcd/server" certificate and key
        [certs] etcd/server serving cert is signed for DNS names [localhost n1] and IPs [10.0.0.1 127.0.0.1 ::1]
        [certs] Generating "etcd/peer" certificate and key
        [certs] etcd/peer serving cert is signed for DNS names [localhost n1] and IPs [10.0.0.1 127.0.0.1 ::1]
        [certs] Generating "etcd/healthcheck-client" certificate and key
        [certs] Generating "apiserver-etcd-client" certificate and key
        [certs] Generating "sa" key and public key

        """;

    private const string SecondRunOutput = """
        [certs] Using certificateDir folder "/etc/kubernetes/pki"
        [certs] Using existing ca certificate authority
        [certs] Using existing apiserver certificate and key on disk
        [certs] Using existing apiserver-kubelet-client certificate and key on disk
        [certs] Using existing front-proxy-ca certificate authority
        [certs] Using existing front-proxy-client certificate and key on disk
        [certs] Using existing etcd/ca certificate authority
        [certs] Using existing etcd/server certificate and key on disk
        [certs] Using existing etcd/peer certificate and key on disk
        [certs] Using existing etcd/healthcheck-client certificate and key on disk
        [certs] Using existing apiserver-etcd-client certificate and key on disk
        [certs] Using the existing "sa" key

        """;

    [Fact]
    public async Task Should_WriteEveryFileWithKubeadmModes_When_RunningAllOnEmptyHost()
    {
        var fixture = new CertsFixture();

        var output = await fixture.RunAsync("all");

        Assert.Equal(FirstRunOutput.ReplaceLineEndings("\n"), output);
        Assert.Equal(CertsFixture.CertificateFiles().Order(StringComparer.Ordinal), fixture.Snapshot().Keys);
        foreach (var path in CertsFixture.CertificateFiles())
        {
            var expected = path.EndsWith(".crt", StringComparison.Ordinal) ? FileModes.Public : FileModes.Private;
            Assert.True(expected == fixture.FileSystem.GetMode(path), $"{path} has mode {fixture.FileSystem.GetMode(path)}");
        }

        Assert.Equal(FileModes.Directory, fixture.FileSystem.GetMode($"{CertsFixture.Pki}/etcd"));
        Assert.Empty(fixture.Err.ToString());
    }

    [Fact]
    public async Task Should_GenerateEveryKeyAheadOnce_When_RunningAll()
    {
        var keys = new FastKeys();
        var fixture = new CertsFixture(keys: keys);

        await fixture.RunAsync("all");
        var firstRun = keys.Generated;
        await fixture.RunAsync("all");

        Assert.Equal(11, firstRun);
        Assert.Equal(11, keys.Generated);
    }

    [Fact]
    public async Task Should_KeepEveryByte_When_RunningAllTwice()
    {
        var fixture = new CertsFixture();
        await fixture.RunAsync("all");
        var before = fixture.Snapshot();

        var output = await fixture.RunAsync("all");

        Assert.Equal(SecondRunOutput.ReplaceLineEndings("\n"), output);
        Assert.Equal(before, fixture.Snapshot());
    }

    [Fact]
    public async Task Should_WriteMatchingPublicKey_When_GeneratingServiceAccountKey()
    {
        var fixture = new CertsFixture();

        await fixture.RunAsync("sa");

        using var key = PemCodec.DecodePrivateKey(fixture.Read("sa.key"), "sa.key");
        using var publicKey = PemCodec.DecodePublicKey(fixture.Read("sa.pub"), "sa.pub");
        Assert.Equal(key.ExportSubjectPublicKeyInfo(), publicKey.ExportSubjectPublicKeyInfo());
        Assert.StartsWith("-----BEGIN PUBLIC KEY-----\n", Encoding.ASCII.GetString(fixture.Read("sa.pub")), StringComparison.Ordinal);
        Assert.StartsWith("-----BEGIN EC PRIVATE KEY-----\n", Encoding.ASCII.GetString(fixture.Read("sa.key")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_FailNamingFileAndMissingSan_When_ExistingApiServerCertLacksConfiguredSan()
    {
        var fixture = new CertsFixture();
        await fixture.RunAsync("all");
        var before = fixture.Snapshot();
        fixture.Config = CertsFixture.NewConfig(c => c.Cluster.ApiServer.CertSans = ["api.example.com", "192.168.5.5"]);

        var error = await Assert.ThrowsAsync<PkiFileException>(() => fixture.RunAsync("apiserver"));

        Assert.Equal("/etc/kubernetes/pki/apiserver.crt", error.Path);
        Assert.Contains("certificate apiserver is invalid", error.Message, StringComparison.Ordinal);
        Assert.Contains("DNS:api.example.com, IP:192.168.5.5", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, fixture.Snapshot());
    }

    [Fact]
    public async Task Should_FailNotSignedByCa_When_LeafComesFromAnotherCluster()
    {
        var fixture = new CertsFixture();
        var other = new CertsFixture();
        await fixture.RunAsync("all");
        await other.RunAsync("all");
        fixture.Write("apiserver.crt", other.Read("apiserver.crt"));
        fixture.Write("apiserver.key", other.Read("apiserver.key"));

        var error = await Assert.ThrowsAsync<PkiFileException>(() => fixture.RunAsync("apiserver"));

        Assert.Equal(
            "/etc/kubernetes/pki/apiserver.crt: certificate apiserver is not signed by corresponding CA /etc/kubernetes/pki/ca.crt",
            error.Message);
    }

    [Fact]
    public async Task Should_FailNamingKey_When_KeyDoesNotMatchCertificate()
    {
        var fixture = new CertsFixture();
        await fixture.RunAsync("all");
        fixture.Write("apiserver.key", fixture.Read("apiserver-kubelet-client.key"));

        var error = await Assert.ThrowsAsync<PkiFileException>(() => fixture.RunAsync("apiserver"));

        Assert.Equal("/etc/kubernetes/pki/apiserver.key", error.Path);
        Assert.Contains("does not match", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_FailNamingFileAndWriteNothing_When_CaCertificateIsCorrupt()
    {
        var fixture = new CertsFixture();
        fixture.Write("ca.crt", Encoding.ASCII.GetBytes("-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydA==\n-----END CERTIFICATE-----\n"));

        var error = await Assert.ThrowsAsync<PkiFileException>(() => fixture.RunAsync("all"));

        Assert.Equal("/etc/kubernetes/pki/ca.crt", error.Path);
        Assert.Contains("not a valid X.509 certificate", error.Message, StringComparison.Ordinal);
        Assert.Equal(["/etc/kubernetes/pki/ca.crt"], fixture.Snapshot().Keys);
    }

    [Fact]
    public async Task Should_FailNamingKeyFile_When_LeafKeyIsNotPem()
    {
        var fixture = new CertsFixture();
        await fixture.RunAsync("ca");
        fixture.Write("apiserver.key", Encoding.ASCII.GetBytes("garbage"));

        var error = await Assert.ThrowsAsync<PkiFileException>(() => fixture.RunAsync("apiserver"));

        Assert.Equal("/etc/kubernetes/pki/apiserver.key", error.Path);
        Assert.False(fixture.FileSystem.FileExists(CertsFixture.PathOf("apiserver.crt")));
    }

    [Fact]
    public async Task Should_FailClearly_When_CaCertificateIsNotACa()
    {
        var fixture = new CertsFixture();
        await fixture.RunAsync("ca", "apiserver");
        fixture.Write("ca.crt", fixture.Read("apiserver.crt"));
        fixture.Write("ca.key", fixture.Read("apiserver.key"));

        var error = await Assert.ThrowsAsync<PkiFileException>(() => fixture.RunAsync("ca"));

        Assert.Equal("/etc/kubernetes/pki/ca.crt: certificate ca is not a CA", error.Message);
    }

    [Fact]
    public async Task Should_SayWhichCaIsMissing_When_LeafRunsWithoutItsCa()
    {
        var fixture = new CertsFixture();

        var error = await Assert.ThrowsAsync<KubeadmUserException>(() => fixture.RunAsync("etcd-server"));

        Assert.StartsWith("couldn't load CA certificate etcd-ca", error.Message, StringComparison.Ordinal);
        Assert.Contains("/etc/kubernetes/pki/etcd/ca.crt does not exist", error.Message, StringComparison.Ordinal);
        Assert.Empty(fixture.Snapshot());
    }

    [Fact]
    public async Task Should_WarnOnceAndDropSan_When_ExtraSanIsInvalid()
    {
        var fixture = new CertsFixture { Config = CertsFixture.NewConfig(c => c.Cluster.ApiServer.CertSans = ["not valid"]) };

        var output = await fixture.RunAsync("ca", "apiserver");

        Assert.Equal(
            "[certificates] WARNING: 'not valid' was not added to the 'apiserver' SAN, because it is not a valid IP or RFC-1123 compliant DNS entry\n",
            fixture.Err.ToString());
        Assert.DoesNotContain("not valid", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_WarnOnceAndKeepCa_When_CaHasExpired()
    {
        var fixture = new CertsFixture { Config = CertsFixture.NewConfig(c => c.Cluster.CaCertificateValidityPeriod = TimeSpan.FromHours(1)) };
        await fixture.RunAsync("ca", "apiserver", "apiserver-kubelet-client");
        fixture.Clock.Now = CertsFixture.Start.AddHours(2);

        var output = await fixture.RunAsync("ca", "apiserver", "apiserver-kubelet-client");

        Assert.Contains("[certs] Using existing ca certificate authority\n", output, StringComparison.Ordinal);
        var warning = Assert.Single(fixture.Err.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("WARNING: could not validate bounds for certificate ca: the certificate has expired: ", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_FailNamingFile_When_ExistingLeafHasExpired()
    {
        var fixture = new CertsFixture { Config = CertsFixture.NewConfig(c => c.Cluster.CertificateValidityPeriod = TimeSpan.FromHours(1)) };
        await fixture.RunAsync("ca", "front-proxy-ca", "front-proxy-client");
        fixture.Clock.Now = CertsFixture.Start.AddHours(2);

        var error = await Assert.ThrowsAsync<PkiFileException>(() => fixture.RunAsync("front-proxy-client"));

        Assert.StartsWith(
            "/etc/kubernetes/pki/front-proxy-client.crt: certificate front-proxy-client cannot be used: the certificate has expired",
            error.Message,
            StringComparison.Ordinal);
    }
}
